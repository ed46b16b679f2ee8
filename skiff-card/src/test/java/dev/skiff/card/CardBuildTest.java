package dev.skiff.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.card.content.MarkdownTable;
import dev.skiff.card.content.SectionContent;
import dev.skiff.card.content.TableData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cards built through Skiff's API come out byte for byte as skops writes them after the same calls. */
class CardBuildTest {
    @Test
    void skopsRecipeReplayedThroughSkiff() {
        Card card = Card.fromTemplate(Templates.skops());
        String ev = Templates.SKOPS_EVALUATION;
        card.addMetrics(ev, null, ordered("accuracy", 0.9733333333333334, "f1 score", 0.97));
        card.addMetrics(ev, "On the test split.", ordered("log loss", 0.1189, "accuracy", 0.98));
        card.add(ev + "/Confusion matrix", new SectionContent.Plot(Path.of("plots/confusion_matrix.png"),
                "Confusion matrix", "Rows are true classes."));
        card.add("ROC curve", new SectionContent.Plot(Path.of("roc.png"), "ROC"), true);
        card.add("Search", new SectionContent.Table(TableData.builder()
                .column("params", List.of("C=1\nl1", "C=10"))
                .column("rank", List.of(2, 1))
                .column("score", Arrays.asList(0.95, null)).build(), "Search results."), true);
        card.add("Model description", "A model.\n\nTwo paragraphs.");
        card.add("Notes/Child", new SectionContent.Markdown("Folded child."), true);
        card.select("Model Card Contact").visible(false);
        card.delete("Citation");
        card.add("Slash\\/title", "x");
        assertThat(card.render()).isEqualTo(Fixtures.text("skops_recipe.md"));
    }

    @Test
    void skopsMinimalReplayedThroughSkiff() {
        Card card = Card.empty();
        card.add("A", "a content");
        card.add("A/B", "");
        card.add("A/B/C", "c content");
        card.add("D", "d");
        assertThat(card.render()).isEqualTo(Fixtures.text("skops_minimal.md"))
                .isEqualTo("\n# A\n\na content\n\n## B\n\n### C\n\nc content\n\n# D\n\nd\n");
    }

    @TestFactory
    List<DynamicTest> tablesAsSkopsWritesThem() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode t : Fixtures.json("tables.json")) {
            tests.add(DynamicTest.dynamicTest(t.get("name").asText(), () -> {
                TableData.Builder b = TableData.builder();
                for (JsonNode col : t.get("columns")) {
                    List<Object> values = new ArrayList<>();
                    col.get(1).forEach(v -> values.add(Fixtures.untag(v)));
                    b.column(col.get(0).asText(), values);
                }
                assertThat(MarkdownTable.render(b.build())).isEqualTo(t.get("markdown").asText());
            }));
        }
        return tests;
    }

    @Test
    void emptyTablesAndRaggedColumnsAreRefused() {
        assertThatThrownBy(() -> TableData.builder().build()).isInstanceOf(CardException.class)
                .hasMessage("Trying to add table with no columns");
        assertThatThrownBy(() -> TableData.of(Map.of("a", List.of(1, 2), "b", List.of(1))))
                .isInstanceOf(CardException.class).hasMessageContaining("values but column");
    }

    @Test
    void metricsContinueATableReadBackFromAReadme() {
        Card parsed = Card.parse(Fixtures.text("skops_recipe.md"));
        String ev = Templates.SKOPS_EVALUATION;
        parsed.addMetrics(ev, Map.of("roc auc", 0.99));
        String text = parsed.render();
        assertThat(text).contains("On the test split.\n\n|  Metric  | Value  |\n| :------: | :----: |\n"
                + "| accuracy |  0.98  |\n| f1 score |  0.97  |\n| log loss | 0.1189 |\n| roc auc  |  0.99  |\n");
        // everything else is as it was
        assertThat(text.replace("| roc auc  |  0.99  |\n", "")).isEqualTo(Fixtures.text("skops_recipe.md"));
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
