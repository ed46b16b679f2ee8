package dev.skiff.card;

import dev.skiff.card.content.SectionContent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The section tree with skops' semantics: paths, add, select, rename, delete, move, folding, visibility, toc. */
class SectionTreeTest {
    @Test
    void pathsSplitOnSlashesKeepEscapedOnesAndStripParts() {
        assertThat(SectionPath.split("Section A")).containsExactly("Section A");
        assertThat(SectionPath.split("Section A/Section B/Section C")).containsExactly("Section A", "Section B", "Section C");
        assertThat(SectionPath.split("A section containing \\/ a slash")).containsExactly("A section containing / a slash");
        assertThat(SectionPath.split("Spaces are / stripped")).containsExactly("Spaces are", "stripped");
        assertThat(SectionPath.join(List.of("a/b", "c"))).isEqualTo("a\\/b/c");
    }

    @Test
    void addCreatesParentsAndKeepsSubsectionsWhenOverwriting() {
        Card card = Card.empty();
        card.add("A/B/C", "c");
        assertThat(card.select("A").text()).isEmpty();
        assertThat(card.select("A/B/C").text()).isEqualTo("c");
        card.add("A/B", "new b");
        assertThat(card.select("A/B").text()).isEqualTo("new b");
        assertThat(card.select("A/B").subsections()).extracting(Section::title).containsExactly("C");
        assertThat(card.select("A").select("B").select("C").path()).isEqualTo("A/B/C");
        assertThat(card.select(" A / B ").title()).isEqualTo("B");
    }

    @Test
    void selectRefusesEmptyAndUnknownPathsWithTypedErrors() {
        Card card = Card.empty();
        card.add("A/B", "b");
        assertThatThrownBy(() -> card.select("")).isInstanceOf(SectionNotFoundException.class)
                .hasMessage("Section name cannot be empty but got ''");
        assertThatThrownBy(() -> card.select("A//B")).isInstanceOf(SectionNotFoundException.class);
        assertThatThrownBy(() -> card.select("A/X")).isInstanceOf(SectionNotFoundException.class)
                .hasMessage("no section 'A/X': 'A' has no subsection 'X'")
                .extracting(e -> ((SectionNotFoundException) e).path()).isEqualTo("A/X");
        assertThat(card.find("Nope")).isEmpty();
    }

    @Test
    void renameDeleteAndMove() {
        Card card = Card.empty();
        card.add("A", "a");
        card.add("A/B", "b");
        card.add("A/B/C", "c");
        card.add("D", "d");
        card.rename("A/B", "Bee");
        assertThat(card.select("A/Bee/C").text()).isEqualTo("c");
        assertThatThrownBy(() -> card.rename("D", "A")).isInstanceOf(CardException.class);
        assertThatThrownBy(() -> card.rename("D", "two\nlines")).isInstanceOf(CardException.class);
        card.move("A/Bee", "D", 0);
        assertThat(card.select("D/Bee/C").depth()).isEqualTo(3);
        assertThat(card.find("A/Bee")).isEmpty();
        card.move("D/Bee", "", 0);
        assertThat(card.sections()).extracting(Section::title).containsExactly("Bee", "A", "D");
        assertThatThrownBy(() -> card.move("Bee", "Bee/C", -1)).isInstanceOf(CardException.class)
                .hasMessageContaining("into itself");
        card.delete("Bee");
        assertThat(card.sections()).extracting(Section::title).containsExactly("A", "D");
        assertThatThrownBy(() -> card.delete("Bee")).isInstanceOf(SectionNotFoundException.class);
        assertThat(card.render()).isEqualTo("\n# A\n\na\n\n# D\n\nd\n");
    }

    @Test
    void foldedSectionsWrapContentAndHideSubsectionsInvisibleOnesVanish() {
        Card card = Card.empty();
        card.add("A", new SectionContent.Markdown("hidden by default"), true);
        card.add("A/Child", "not rendered while A is folded");
        card.add("B", "gone").visible(false);
        card.add("C", "c");
        assertThat(card.render()).isEqualTo("\n# A\n\n<details>\n<summary> Click to expand </summary>\n\n"
                + "hidden by default\n\n</details>\n\n# C\n\nc\n");
        assertThat(card.toc()).isEqualTo("- A\n  - Child\n- C");
        card.select("A").folded(false);
        card.select("B").visible(true);
        assertThat(card.toc()).isEqualTo("- A\n  - Child\n- B\n- C");
        assertThat(card.render()).contains("## Child\n\nnot rendered while A is folded\n\n# B\n\ngone\n");
    }

    @Test
    void addResetsVisibilityAndFoldingAsSkopsDoes() {
        Card card = Card.empty();
        card.add("A", new SectionContent.Markdown("x"), true).visible(false);
        Section a = card.add("A", "y");
        assertThat(a.visible()).isTrue();
        assertThat(a.folded()).isFalse();
    }

    @Test
    void templates() {
        assertThat(Card.fromTemplate(Templates.empty()).render()).isEmpty();
        Card skops = Card.fromTemplate(Templates.skops());
        assertThat(skops.toc()).isEqualTo("""
                - Model description
                  - Intended uses & limitations
                  - Training Procedure
                    - Hyperparameters
                    - Model Plot
                  - Evaluation Results
                - How to Get Started with the Model
                - Model Card Authors
                - Model Card Contact
                - Citation""");
        Card custom = Card.fromTemplate(Templates.fromMap(java.util.Map.of("Only", "one")));
        assertThat(custom.render()).isEqualTo("\n# Only\n\none\n");
        Card fromMd = Card.fromTemplate(Templates.fromMarkdown("# T\n\nintro\n\n## U\n\nmore\n"));
        assertThat(fromMd.select("T/U").text()).isEqualTo("more");
    }

    @Test
    void hubTemplateHasTheHeadingsOfHuggingFaceHubsTemplate() {
        Card ours = Card.fromTemplate(Templates.hubDefault("iris-forest"));
        Card theirs = Card.parse(Fixtures.text("hf_default_template.md"));
        assertThat(paths(ours.sections())).isEqualTo(paths(theirs.sections()));
    }

    private static List<String> paths(List<Section> sections) {
        List<String> out = new java.util.ArrayList<>();
        for (Section s : sections) {
            out.add(s.path());
            out.addAll(paths(s.subsections()));
        }
        return out;
    }
}
