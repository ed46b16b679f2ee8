package dev.skiff.card;

import dev.skiff.card.content.SectionContent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One section of a card: a title (Markdown source text), content, a folded flag (content in a {@code <details>}
 * block, subsections not rendered, as in skops), a visible flag, and subsections in order. A section read from a
 * README also keeps its original text, which is written back unchanged until the section is modified.
 */
public final class Section {
    private String title;
    private SectionContent content;
    private boolean folded;
    private boolean visible = true;
    final List<Section> children = new ArrayList<>();
    Section parent;
    /** The heading line(s) as read, with line break; valid only at {@link #rawDepth} and until the title changes. */
    String rawHeading;
    int rawDepth;
    /** Where the heading started in the parsed body, and how long it was (to place the original pieces). */
    int rawStart;
    int rawHeadingLength;
    /** The text after the heading up to the next heading, as read; valid until content or folding changes. */
    String rawBody;

    Section(String title, SectionContent content, boolean folded) {
        this.title = Objects.requireNonNull(title, "title");
        this.content = Objects.requireNonNull(content, "content");
        this.folded = folded;
    }

    /** The title: the heading's Markdown text. */
    public String title() {
        return title;
    }

    /** The content. */
    public SectionContent content() {
        return content;
    }

    /** The content if it is Markdown text, else the empty string. */
    public String text() {
        return content instanceof SectionContent.Markdown m ? m.text() : "";
    }

    /** Replaces the content (subsections stay). */
    public Section content(SectionContent newContent) {
        this.content = Objects.requireNonNull(newContent, "content");
        this.rawBody = null;
        return this;
    }

    /** Replaces the content with Markdown text. */
    public Section content(String markdown) {
        return content(new SectionContent.Markdown(markdown));
    }

    public boolean folded() {
        return folded;
    }

    /** Folds the content into a {@code <details>} block; a folded section does not render its subsections. */
    public Section folded(boolean fold) {
        if (fold != folded) {
            folded = fold;
            rawBody = null;
        }
        return this;
    }

    public boolean visible() {
        return visible;
    }

    /** Hides the section (and its subsections) from the rendered card; it stays in the tree. */
    public Section visible(boolean show) {
        visible = show;
        return this;
    }

    /** The subsections, in order (read-only; change them through {@link Card}). */
    public List<Section> subsections() {
        return Collections.unmodifiableList(children);
    }

    /** The section this one is under, or null for a top-level section. */
    public Section parent() {
        return parent == null || parent.parent == null ? null : parent;
    }

    /** 1 for a top-level section. */
    public int depth() {
        int d = 0;
        for (Section s = this; s.parent != null; s = s.parent) {
            d++;
        }
        return d;
    }

    /** The path that selects this section ({@code A/B}, slashes in titles escaped). */
    public String path() {
        List<String> titles = new ArrayList<>();
        for (Section s = this; s.parent != null; s = s.parent) {
            titles.addFirst(s.title);
        }
        return SectionPath.join(titles);
    }

    /** A subsection by relative path ({@code B/C}); see {@link Card#select}. */
    public Section select(String path) {
        return Tree.select(this, path);
    }

    void title(String newTitle) {
        if (!newTitle.equals(title)) {
            title = newTitle;
            rawHeading = null;
        }
    }

    /** Replaces content and folding as skops' {@code add} does (visible again, original body dropped). */
    void replace(SectionContent newContent, boolean fold) {
        content = newContent;
        folded = fold;
        visible = true;
        rawBody = null;
    }

    @Override
    public String toString() {
        return "Section(" + path() + ")";
    }
}
