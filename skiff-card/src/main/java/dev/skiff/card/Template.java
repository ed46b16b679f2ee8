package dev.skiff.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sections a new card starts with: path → Markdown content, in order (skops' template dictionaries).
 *
 * @param name     a short name for messages ({@code skops}, {@code empty}, {@code hub}, a file name)
 * @param sections section path → content
 */
public record Template(String name, Map<String, String> sections) {
    public Template {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }
}
