package dev.skiff.card;

import java.util.ArrayList;
import java.util.List;

/**
 * Section paths as skops writes them: titles joined by {@code /}; a title's own slash is written {@code \/}; the
 * parts are stripped of surrounding white space ({@code "A / B"} is {@code A} then {@code B}).
 */
public final class SectionPath {
    private static final char PLACEHOLDER = '\u001f';

    private SectionPath() {
    }

    /** The titles named by {@code path} (skops' {@code split_subsection_names}). */
    public static List<String> split(String path) {
        String key = path.replace("\\/", String.valueOf(PLACEHOLDER));
        List<String> parts = new ArrayList<>();
        for (String p : key.split("/", -1)) {
            parts.add(p.strip().replace(PLACEHOLDER, '/'));
        }
        return parts;
    }

    /** The path naming {@code titles} (slashes in a title escaped). */
    public static String join(List<String> titles) {
        List<String> escaped = new ArrayList<>();
        for (String t : titles) {
            escaped.add(t.replace("/", "\\/"));
        }
        return String.join("/", escaped);
    }
}
