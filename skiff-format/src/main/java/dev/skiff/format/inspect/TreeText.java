package dev.skiff.format.inspect;

/** Draws an inspected tree with box characters, one node per line, untrusted nodes marked. */
public final class TreeText {
    public static final String UNTRUSTED = "[UNTRUSTED]";

    private TreeText() {
    }

    public static String render(InspectNode root) {
        StringBuilder out = new StringBuilder();
        line(out, "", root, true, true);
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, InspectNode n, boolean last, boolean isRoot) {
        out.append(indent);
        if (!isRoot) {
            out.append(last ? "└── " : "├── ");
        }
        out.append(n.label()).append(": ").append(n.summary());
        if (!n.untrusted().isEmpty()) {
            out.append("  ").append(UNTRUSTED);
            if (n.untrusted().size() > 1 || !n.summary().startsWith(n.untrusted().get(0))) {
                out.append(" ").append(String.join(", ", n.untrusted()));
            }
        }
        if (n.sameAs() != null) {
            out.append("  (same object as ").append(n.sameAs()).append(")");
        }
        out.append('\n');
        String childIndent = isRoot ? "" : indent + (last ? "    " : "│   ");
        for (int i = 0; i < n.children().size(); i++) {
            line(out, childIndent, n.children().get(i), i == n.children().size() - 1, false);
        }
    }
}
