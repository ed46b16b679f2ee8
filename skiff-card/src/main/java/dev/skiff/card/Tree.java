package dev.skiff.card;

import java.util.List;

/** Path lookups over a section tree (skops' select / _select semantics). */
final class Tree {
    private Tree() {
    }

    /** The section at {@code path} under {@code from}, or a {@link SectionNotFoundException}. */
    static Section select(Section from, String path) {
        if (path == null || path.isEmpty()) {
            throw new SectionNotFoundException(String.valueOf(path), "Section name cannot be empty but got '"
                    + (path == null ? "" : path) + "'");
        }
        List<String> names = SectionPath.split(path);
        for (String n : names) {
            if (n.isEmpty()) {
                throw new SectionNotFoundException(path, "Section name cannot be empty but got '" + path + "'");
            }
        }
        Section s = from;
        StringBuilder seen = new StringBuilder();
        for (String name : names) {
            Section next = child(s, name);
            if (next == null) {
                throw new SectionNotFoundException(path, "no section '" + path + "'"
                        + (seen.isEmpty() ? "" : ": '" + seen + "' has no subsection '" + name + "'"));
            }
            if (!seen.isEmpty()) {
                seen.append('/');
            }
            seen.append(name.replace("/", "\\/"));
            s = next;
        }
        return s;
    }

    /** The first child titled {@code title}, or null. */
    static Section child(Section parent, String title) {
        for (Section c : parent.children) {
            if (c.title().equals(title)) {
                return c;
            }
        }
        return null;
    }
}
