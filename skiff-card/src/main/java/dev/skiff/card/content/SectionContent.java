package dev.skiff.card.content;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of one card section. Every kind renders to Markdown; a {@code description} (Markdown, may be empty)
 * is written before a plot, table or HTML block, as skops does. Folding (a {@code <details>} block) is a property of
 * the section, not of the content.
 */
public sealed interface SectionContent
        permits SectionContent.Markdown, SectionContent.Plot, SectionContent.Table, SectionContent.Metrics,
        SectionContent.Html {

    /** Markdown text, written as it is. Sections parsed from a README hold this kind. */
    record Markdown(String text) implements SectionContent {
        public static final Markdown EMPTY = new Markdown("");

        public Markdown {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image file (usually a PNG) shown with {@code ![altText](link)}. The link is written relative to the
     * directory the README is saved in, with forward slashes, so that it works on the hub and in a local checkout.
     *
     * @param file        where the image is now (absolute, or relative to the working directory)
     * @param altText     the alternative text; empty means the link itself, as in skops
     * @param description Markdown written before the image; may be empty
     */
    record Plot(Path file, String altText, String description) implements SectionContent {
        public Plot {
            Objects.requireNonNull(file, "file");
            altText = altText == null ? "" : altText;
            description = description == null ? "" : description;
        }

        /** A plot with alternative text and no description. */
        public Plot(Path file, String altText) {
            this(file, altText, "");
        }
    }

    /** A table written like skops' {@code TableSection} (PrettyTable's MARKDOWN style). */
    record Table(TableData table, String description) implements SectionContent {
        public Table {
            Objects.requireNonNull(table, "table");
            description = description == null ? "" : description;
        }

        /** A table without description. */
        public Table(TableData table) {
            this(table, "");
        }
    }

    /**
     * A Metric/Value table, as skops' {@code add_metrics} writes it. {@code Card.addMetrics} merges new metrics into
     * this record (same name: new value, same place; new name: appended).
     */
    record Metrics(Map<String, Object> values, String description) implements SectionContent {
        public Metrics {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
            description = description == null ? "" : description;
        }

        /** The table this content renders as. */
        public TableData asTable() {
            return TableData.builder().column("Metric", values.keySet()).column("Value", values.values()).build();
        }

        /** These metrics, then {@code more} (replacing values of the same name in place). */
        public Metrics plus(Map<String, ?> more, String newDescription) {
            Map<String, Object> merged = new LinkedHashMap<>(values);
            merged.putAll(more);
            return new Metrics(merged, newDescription == null ? description : newDescription);
        }
    }

    /**
     * A block of raw HTML (a model diagram, say), written after the description. Markdown renderers pass it
     * through; the hub's page shows it sanitised.
     */
    record Html(String html, String description) implements SectionContent {
        public Html {
            Objects.requireNonNull(html, "html");
            description = description == null ? "" : description;
        }

        /** HTML without description. */
        public Html(String html) {
            this(html, "");
        }
    }
}
