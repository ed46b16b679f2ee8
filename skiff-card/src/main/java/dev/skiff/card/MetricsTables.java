package dev.skiff.card;

import dev.skiff.card.content.SectionContent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads back a Metric/Value table (as skops' {@code add_metrics} writes it) from a section's Markdown. */
final class MetricsTables {
    private MetricsTables() {
    }

    /** The metrics and description of {@code markdown} when it is an optional description then such a table. */
    static Optional<SectionContent.Metrics> read(String markdown) {
        List<String> lines = markdown.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells != null && cells.equals(List.of("Metric", "Value"))) {
                header = i;
                break;
            }
        }
        if (header < 0 || header + 1 >= lines.size() || !lines.get(header + 1).strip().matches("\\|(\\s*:?-+:?\\s*\\|){2}")) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int i = header + 2;
        for (; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            if (cells == null) {
                break;
            }
            if (cells.size() != 2) {
                return Optional.empty();
            }
            values.put(cells.get(0), cells.get(1));
        }
        for (; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return Optional.empty(); // something follows the table: not a plain metrics section
            }
        }
        String description = String.join("\n", lines.subList(0, header)).strip();
        return Optional.of(new SectionContent.Metrics(values, description));
    }

    private static List<String> cells(String line) {
        String t = line.strip();
        if (t.length() < 2 || !t.startsWith("|") || !t.endsWith("|")) {
            return null;
        }
        String[] parts = t.substring(1, t.length() - 1).split("\\|", -1);
        return java.util.Arrays.stream(parts).map(String::strip).toList();
    }
}
