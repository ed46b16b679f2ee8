package dev.skiff.card;

import dev.skiff.card.content.SectionContent;
import dev.skiff.card.meta.CardMetadata;
import dev.skiff.card.meta.EvalResult;
import dev.skiff.card.yaml.YamlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Edits rewrite only what changed: the YAML block for metadata, one section for content; line breaks are kept. */
class EditRoundTripTest {
    private static final String HUB = Fixtures.text("handwritten_hub.md");

    @Test
    void metadataEditRewritesOnlyTheYamlBlockAsHuggingFaceHubWouldWriteIt() {
        Card card = Card.parse(HUB);
        String before = card.render();
        card.metadata().put("license", "mit");
        String after = card.render();
        String body = before.substring(before.indexOf("\n---\n") + 5);
        assertThat(after).endsWith(body);
        // the YAML is what huggingface_hub writes for the same data (ModelCard(...).content, no model-index here)
        String hfYaml = yamlBlock(Fixtures.text("hf_resaved_handwritten.md"));
        assertThat(yamlBlock(after)).isEqualTo(hfYaml.replace("license: other", "license: mit"));
    }

    @Test
    void yamlDumpOfAHandWrittenCardEqualsWhatHuggingFaceHubWrites() {
        CardMetadata m = Card.parse(HUB).metadata();
        assertThat(m.toYaml()).isEqualTo(yamlBlock(Fixtures.text("hf_resaved_handwritten.md")) + "\n");
    }

    @Test
    void aSectionEditRewritesOnlyThatSection() {
        Card card = Card.parse(HUB);
        card.select("Model name here/Sub-part").content("New text.");
        String out = card.render();
        assertThat(out).contains("Sub-part\n--------\n\nNew text.\n\n## ATX heading with closing hashes ##\n");
        assertThat(out.replace("New text.\n\n", "Trailing spaces for a hard break  \nand a tab\tinside.\n\n"))
                .isEqualTo(HUB);
    }

    @Test
    void crlfCardsStayCrlfAfterEdits() {
        String crlf = Fixtures.text("handwritten_crlf.md");
        Card card = Card.parse(crlf);
        assertThat(card.lineBreak()).isEqualTo("\r\n");
        card.metadata().put("extra", List.of("a", "b"));
        card.add("Second top-level section/New", "Line one\nline two");
        String out = card.render();
        assertThat(out.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        Card again = Card.parse(out);
        assertThat(again.metadata().get("extra")).isEqualTo(List.of("a", "b"));
        assertThat(again.select("Second top-level section/New").text()).isEqualTo("Line one\nline two");
    }

    @Test
    void renamedAndMovedParsedSectionsGetFreshHeadingsAndKeepTheirText() {
        Card card = Card.parse(Fixtures.text("skops_minimal.md"));
        card.rename("A/B/C", "See");
        card.move("D", "A", 0);
        String out = card.render();
        assertThat(out).isEqualTo("\n# A\n\na content\n\n## D\n\nd\n\n## B\n\n### See\n\nc content\n\n");
        assertThat(Card.parse(out).select("A/B/See").text()).isEqualTo("c content");
    }

    @Test
    void freshCardWithMetadataRendersFrontMatterThenSkopsLayout() {
        Card card = Card.fromTemplate(Templates.fromMap(Map.of("Intro", "Hello.")));
        card.metadata().license("mit").libraryName("sklearn").tags(List.of("sklearn", "skiff", "sklearn"));
        card.metadata().evalResults("iris", List.of(EvalResult.of("tabular-classification", "iris", "Iris",
                "accuracy", 0.96)));
        assertThat(card.render()).isEqualTo("""
                ---
                license: mit
                library_name: sklearn
                tags:
                - sklearn
                - skiff
                model-index:
                - name: iris
                  results:
                  - task:
                      type: tabular-classification
                    dataset:
                      name: Iris
                      type: iris
                    metrics:
                    - type: accuracy
                      value: 0.96
                ---

                # Intro

                Hello.
                """);
        Card back = Card.parse(card.render());
        assertThat(back.metadata().evalResults()).containsExactly(
                EvalResult.of("tabular-classification", "iris", "Iris", "accuracy", 0.96));
        assertThat(back.render()).isEqualTo(card.render());
    }

    @Test
    void removingAllMetadataDropsTheBlock() {
        Card card = Card.parse("---\nlicense: mit\n---\n# T\n\nx\n");
        card.metadata().remove("license");
        assertThat(card.render()).isEqualTo("# T\n\nx\n");
    }

    @Test
    void brokenYamlIsATypedOneLineError() {
        assertThatThrownBy(() -> Card.parse("---\na: b: c\n---\n# T\n")).isInstanceOf(InvalidCardException.class)
                .hasMessageStartingWith("invalid YAML metadata: line 1, column 5:")
                .hasCauseInstanceOf(YamlException.class);
        assertThatThrownBy(() -> Card.parse("---\n- a\n---\n")).isInstanceOf(InvalidCardException.class)
                .hasMessageContaining("repo card metadata block should be a dict");
        assertThatThrownBy(() -> Card.parse("---\n1: x\n---\n")).isInstanceOf(InvalidCardException.class)
                .hasMessageContaining("metadata keys must be strings");
        String bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n"; // 54 aliases: over the limit of 50
        assertThatThrownBy(() -> Card.parse(bomb)).isInstanceOf(InvalidCardException.class);
    }

    @Test
    void saveLinksPlotsRelativeToTheReadmeOrCopiesThem(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("repo");
        Path plots = Files.createDirectories(out.resolve("plots"));
        Path png = Files.write(plots.resolve("cm.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Card card = Card.empty();
        card.add("Evaluation/Confusion matrix", new SectionContent.Plot(png, "Confusion matrix", ""));
        Path readme = card.save(out);
        assertThat(Files.readString(readme)).contains("![Confusion matrix](plots/cm.png)");

        Path elsewhere = Files.write(tmp.resolve("roc curve.png"), new byte[] {1, 2, 3});
        card.add("Evaluation/ROC", new SectionContent.Plot(elsewhere, "ROC", ""));
        assertThatThrownBy(() -> card.save(out)).isInstanceOf(CardException.class).hasMessageContaining("outside");
        card.save(out, Card.SaveOptions.copyPlots());
        assertThat(Files.readAllBytes(out.resolve("roc curve.png"))).containsExactly(1, 2, 3);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertThat(text).contains("![ROC](<roc curve.png>)").contains("![Confusion matrix](cm.png)");
        assertThat(Files.exists(out.resolve("cm.png"))).isTrue();
        // read back from disk: untouched, the same bytes come out
        assertThat(Card.parse(readme).render()).isEqualTo(text);
    }

    private static String yamlBlock(String readme) {
        int start = readme.indexOf("---\n") + 4;
        int end = readme.indexOf("\n---\n", start);
        return readme.substring(start, end);
    }
}
