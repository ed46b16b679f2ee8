package dev.skiff.client.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.format.testing.PythonOracle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The selection of {@link RepoPatterns} equals huggingface_hub's {@code filter_repo_objects} on the same lists. */
class RepoPatternsTest {
    private static final List<String> PATHS = List.of("model.skops", "README.md", "config.json", ".gitattributes",
            "data/train.csv", "data/sub/test.csv", "data/sub/test.json", "plots/roc.png", "plots/pr.png", "a[1].txt",
            "weird?name.bin", "UPPER.CSV", "dir\\win.txt", "x/y/z/deep.skops", "-dash.txt", "]bracket", "new\nline");

    private static final List<List<String>> PATTERNS = List.of(
            List.of("*.skops"), List.of("*.csv"), List.of("data/*"), List.of("data/"), List.of("data\\"),
            List.of("*.[cj]s*"), List.of("*.[!c]*"), List.of("[!a-m]*"), List.of("?????.*"), List.of("a[1].txt"),
            List.of("a[[]1].txt"), List.of("*[?]*"), List.of("[]]*"), List.of("[!]]*"), List.of("[a-]*"),
            List.of("[-a]*"), List.of("*\\*"), List.of("plots/*.png", "*.md"), List.of(), List.of("[z-a]*"),
            List.of("**/*.skops"), List.of("*[.]csv"), List.of("[*"), List.of("new*"), List.of("*.CSV"));

    @Test
    void selectionsEqualPythons() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String code = """
                import json, sys
                from huggingface_hub.utils import filter_repo_objects
                req = json.load(sys.stdin)
                out = []
                for allow in req["patterns"]:
                    for ignore in req["patterns"][:6]:
                        out.append(list(filter_repo_objects(req["paths"], allow_patterns=allow, ignore_patterns=ignore)))
                    out.append(list(filter_repo_objects(req["paths"], allow_patterns=allow)))
                    out.append(list(filter_repo_objects(req["paths"], ignore_patterns=allow)))
                print(json.dumps(out))
                """;
        String reply = PythonOracle.run(code, json.writeValueAsString(Map.of("paths", PATHS, "patterns", PATTERNS)));
        JsonNode expected = json.readTree(reply);
        int k = 0;
        List<String> mismatches = new ArrayList<>();
        for (List<String> allow : PATTERNS) {
            List<List<String>> ignores = PATTERNS.subList(0, 6);
            List<RepoPatterns> cases = new ArrayList<>();
            for (List<String> ignore : ignores) {
                cases.add(RepoPatterns.of(allow, ignore));
            }
            cases.add(RepoPatterns.of(allow, null));
            cases.add(RepoPatterns.of(null, allow));
            for (RepoPatterns p : cases) {
                List<String> want = Arrays.asList(json.treeToValue(expected.get(k++), String[].class));
                List<String> got = p.filter(PATHS);
                if (!want.equals(got)) {
                    mismatches.add(allow + ": python " + want + " skiff " + got);
                }
            }
        }
        assertEquals(expected.size(), k);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void allKeepsEverything() {
        assertEquals(PATHS, RepoPatterns.all().filter(PATHS));
    }
}
