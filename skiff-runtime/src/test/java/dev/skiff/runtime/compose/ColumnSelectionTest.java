package dev.skiff.runtime.compose;

import dev.skiff.format.json.Json;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.SliceNode;
import dev.skiff.runtime.ModelBuildException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column specifications resolved without {@code _transformer_to_input_indices} (files from older versions). */
class ColumnSelectionTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    private static int[] resolve(Node spec) throws ModelBuildException {
        return ColumnTransformer.resolve(spec, "root", NAMES, NAMES.size());
    }

    private static Node list(Object... values) {
        List<Node> items = new ArrayList<>();
        for (Object v : values) {
            items.add(JsonNode.of(v));
        }
        return new ListNode("list", "builtins", 0, items);
    }

    private static Json num(long v) {
        return new Json.JNumber(Long.toString(v), true);
    }

    private static SliceNode slice(Json start, Json stop, Json step) {
        return new SliceNode("slice", "builtins", 0, start, stop, step);
    }

    @Test
    void namesIndicesAndMasks() throws Exception {
        assertThat(resolve(list("c", "a"))).containsExactly(2, 0);
        assertThat(resolve(list(4L, -5L, -1L))).containsExactly(4, 0, 4);
        assertThat(resolve(list(true, false, true, false, false))).containsExactly(0, 2);
        assertThat(resolve(list(false, false, false, false, false))).isEmpty();
        assertThat(resolve(list())).isEmpty();
        assertThat(resolve(JsonNode.of("d"))).containsExactly(3);
        assertThat(resolve(JsonNode.of(1L))).containsExactly(1);
    }

    @Test
    void slicesFollowPythonAndLabelSlicesIncludeTheirStop() throws Exception {
        assertThat(resolve(slice(num(1), num(3), new Json.JNull()))).containsExactly(1, 2);
        assertThat(resolve(slice(new Json.JNull(), num(-2), new Json.JNull()))).containsExactly(0, 1, 2);
        assertThat(resolve(slice(num(3), new Json.JNull(), new Json.JNull()))).containsExactly(3, 4);
        assertThat(resolve(slice(new Json.JNull(), new Json.JNull(), num(2)))).containsExactly(0, 2, 4);
        assertThat(resolve(slice(new Json.JNull(), new Json.JNull(), num(-1)))).containsExactly(4, 3, 2, 1, 0);
        assertThat(resolve(slice(num(-10), num(10), new Json.JNull()))).containsExactly(0, 1, 2, 3, 4);
        assertThat(resolve(slice(new Json.JString("b"), new Json.JString("d"), new Json.JNull()))).containsExactly(1, 2, 3);
        assertThat(resolve(slice(new Json.JNull(), new Json.JString("b"), new Json.JNull()))).containsExactly(0, 1);
    }

    @Test
    void unknownNamesAndWrongMasksAreNamed() {
        assertThatThrownBy(() -> resolve(list("zzz"))).isInstanceOf(ModelBuildException.class).hasMessageContaining("zzz");
        assertThatThrownBy(() -> resolve(list(true, false))).isInstanceOf(ModelBuildException.class)
                .hasMessageContaining("boolean mask");
    }
}
