package dev.skiff.card;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.card.markdown.FrontMatter;
import dev.skiff.card.meta.CardMetadata;
import dev.skiff.card.meta.EvalResult;
import dev.skiff.card.yaml.PyYamlParityTestAccess;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every README fixture written by skops, huggingface_hub or by hand: Skiff parses it, renders it back byte for
 * byte, reads the metadata and evaluation results huggingface_hub reads, finds the body huggingface_hub keeps, and
 * the section tree skops built (or parsed with pandoc).
 */
class CardFixturesTest {
    @TestFactory
    List<DynamicTest> fixtures() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Fixtures.cardNames()) {
            JsonNode exp = Fixtures.json(name + ".expect.json");
            String text = Fixtures.text(name + ".md");
            tests.add(DynamicTest.dynamicTest(name + ": parse then render gives the same bytes", () -> {
                Card card = Card.parse(text);
                assertThat(card.render().getBytes(StandardCharsets.UTF_8)).isEqualTo(Fixtures.bytes(name + ".md"));
            }));
            String plain = text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (exp.has("text")) {
                tests.add(DynamicTest.dynamicTest(name + ": the body ModelCard keeps", () ->
                        assertThat(FrontMatter.find(plain).map(FrontMatter::body).orElse(plain))
                                .isEqualTo(exp.get("text").asText())));
            }
            // ModelCard.load reads the raw text (as the Hub does); metadata_load reads with universal newlines, so for
            // a card with lone-CR line breaks only the first finds no front matter: Skiff agrees with ModelCard.
            boolean cardFindsBlock = !exp.has("text") || !exp.get("text").asText().equals(plain);
            if (exp.has("metadata") && !cardFindsBlock) {
                tests.add(DynamicTest.dynamicTest(name + ": no front matter, as ModelCard.load finds none", () ->
                        assertThat(Card.parse(text).metadata().keys()).isEmpty()));
            } else if (exp.has("metadata")) {
                tests.add(DynamicTest.dynamicTest(name + ": metadata as metadata_load reads it", () -> {
                    Card card = Card.parse(text);
                    Object expected = Fixtures.untag(exp.get("metadata"));
                    Map<String, Object> actual = expected == null && card.metadata().keys().isEmpty() ? null
                            : new LinkedHashMap<>(card.metadata().asMap());
                    assertThat(PyYamlParityTestAccess.deepEquals(actual, expected))
                            .as("Skiff %s\nPython %s", actual, expected).isTrue();
                }));
            }
            if (exp.has("line_break") && !exp.get("line_break").isNull()) {
                tests.add(DynamicTest.dynamicTest(name + ": line break", () ->
                        assertThat(Card.parse(text).lineBreak()).isEqualTo(exp.get("line_break").asText())));
            }
            if (exp.has("eval_results") && !exp.get("eval_results").isNull()) {
                tests.add(DynamicTest.dynamicTest(name + ": eval results as ModelCardData reads them", () -> {
                    CardMetadata m = Card.parse(text).metadata();
                    assertThat(m.modelName()).isEqualTo(exp.get("model_name").asText());
                    List<EvalResult> results = m.evalResults();
                    JsonNode er = exp.get("eval_results");
                    assertThat(results).hasSize(er.size());
                    for (int i = 0; i < results.size(); i++) {
                        assertThat(PyYamlParityTestAccess.deepEquals(asPython(results.get(i)), Fixtures.untag(er.get(i))))
                                .as("result %d: %s vs %s", i, asPython(results.get(i)), Fixtures.untag(er.get(i))).isTrue();
                    }
                }));
            }
            if (exp.has("skops_rendered")) {
                tests.add(DynamicTest.dynamicTest(name + ": the headings skops rendered", () -> {
                    List<Object> actual = new ArrayList<>();
                    walk(Card.parse(text).sections(), actual);
                    List<Object> expected = new ArrayList<>();
                    exp.get("skops_rendered").forEach(n -> expected.add(List.of(n.get(0).asInt(), n.get(1).asText())));
                    assertThat(actual).isEqualTo(expected);
                }));
            }
            if (exp.has("sections")) {
                tests.add(DynamicTest.dynamicTest(name + ": the sections skops' parse_modelcard finds", () -> {
                    List<String> actual = new ArrayList<>();
                    paths(Card.parse(text).sections(), actual);
                    List<String> expected = new ArrayList<>();
                    exp.get("sections").forEach(n -> expected.add(n.asText()));
                    assertThat(actual).isEqualTo(expected);
                }));
            }
        }
        return tests;
    }

    private static void walk(List<Section> sections, List<Object> out) {
        for (Section s : sections) {
            out.add(List.of(s.depth(), s.title()));
            walk(s.subsections(), out);
        }
    }

    /**
     * The paths skops' parse_modelcard makes of the same headings: it joins the titles with "/" and splits that
     * again, so a title with a slash makes extra levels; then it lists every node of its dict tree.
     */
    private static void paths(List<Section> sections, List<String> out) {
        Map<String, Object> tree = new LinkedHashMap<>();
        build(sections, new ArrayList<>(), tree);
        list(tree, "", out);
    }

    @SuppressWarnings("unchecked")
    private static void build(List<Section> sections, List<String> trace, Map<String, Object> tree) {
        for (Section s : sections) {
            List<String> t = new ArrayList<>(trace);
            t.add(s.title());
            Map<String, Object> node = tree;
            for (String part : SectionPath.split(String.join("/", t))) {
                node = (Map<String, Object>) node.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            }
            build(s.subsections(), t, tree);
        }
    }

    @SuppressWarnings("unchecked")
    private static void list(Map<String, Object> tree, String prefix, List<String> out) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String p = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
            out.add(p);
            list((Map<String, Object>) e.getValue(), p, out);
        }
    }

    /** An EvalResult as the dict of huggingface_hub's dataclass fields. */
    static Map<Object, Object> asPython(EvalResult r) {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("task_type", r.taskType());
        m.put("dataset_type", r.datasetType());
        m.put("dataset_name", r.datasetName());
        m.put("metric_type", r.metricType());
        m.put("metric_value", r.metricValue());
        m.put("task_name", r.taskName());
        m.put("dataset_config", r.datasetConfig());
        m.put("dataset_split", r.datasetSplit());
        m.put("dataset_revision", r.datasetRevision());
        m.put("dataset_args", r.datasetArgs());
        m.put("metric_name", r.metricName());
        m.put("metric_config", r.metricConfig());
        m.put("metric_args", r.metricArgs());
        m.put("verified", r.verified());
        m.put("verify_token", r.verifyToken());
        m.put("source_name", r.sourceName());
        m.put("source_url", r.sourceUrl());
        return m;
    }
}
