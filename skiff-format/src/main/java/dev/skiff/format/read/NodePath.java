package dev.skiff.format.read;

/**
 * A node's path as a chain of segments, joined into text ({@code root.steps[0][1]}) only when an error
 * needs it: a forest has tens of thousands of nodes and almost never an error.
 */
record NodePath(NodePath parent, String segment) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        if (parent != null) {
            parent.append(sb);
        }
        sb.append(segment);
    }
}
