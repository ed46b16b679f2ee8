package dev.skiff.format;

import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.testing.PythonOracle;
import dev.skiff.format.write.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared nodes stay shared in Python, and a tree that shares exponentially still writes in linear size. */
class SharedNodesWriteTest {
    @TempDir
    Path dir;

    @Test
    void aDoublingDagIsWrittenCompactlyAndPythonRestoresTheSharing() throws Exception {
        Node level = DictNode.ofStrings(Map.of("leaf", JsonNode.of(1.5)));
        // 2^19 nodes if expanded (compact mode kicks in); Python's own audit walks every path, so keep it modest
        for (int i = 0; i < 18; i++) {
            level = new ListNode("list", "builtins", 0, List.of(level, level));
        }
        Path out = dir.resolve("dag.skops");
        Skops.write(level, out, WriteOptions.STORED);
        assertThat(Files.size(out)).isLessThan(200_000);
        String result = PythonOracle.run("""
                import sys, skops.io as sio
                x = sio.load(sys.argv[1], trusted=[])
                depth = 0
                while isinstance(x, list):
                    assert x[0] is x[1], "sharing lost"
                    x = x[0]; depth += 1
                print(depth, x["leaf"])
                """, "", out.toString());
        assertThat(result.strip()).isEqualTo("18 1.5");
        // and Skiff reads its own output back to the same shape
        Node back = Skops.read(out).root();
        assertThat(((ListNode) back).items().get(0)).isSameAs(((ListNode) back).items().get(1));
    }

    @Test
    void ordinarySharingIsWrittenInFullAsPythonDoes() throws Exception {
        Node shared = DictNode.ofStrings(Map.of("a", JsonNode.of(1L)));
        Node root = new ListNode("list", "builtins", 0, List.of(shared, shared));
        Path out = dir.resolve("two.skops");
        Skops.write(root, out, WriteOptions.STORED);
        String schema;
        try (var z = new java.util.zip.ZipFile(out.toFile())) {
            schema = new String(z.getInputStream(z.getEntry("schema.json")).readAllBytes());
        }
        assertThat(schema.split("\"content\": \"1\"", -1)).hasSize(3); // the dict's state appears twice
        String result = PythonOracle.run("import sys, skops.io as sio; x = sio.load(sys.argv[1], trusted=[]); print(x[0] is x[1], x[0])",
                "", out.toString());
        assertThat(result.strip()).isEqualTo("True {'a': 1}");
    }
}
