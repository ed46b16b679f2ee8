package dev.skiff.hub.git;

import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.ignore.IgnoreNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The two per-repo rule files the hub reads: {@code .gitattributes} (which paths are LFS) and {@code .gitignore}. */
public final class GitRules {
    private GitRules() {
    }

    /** Which paths a {@code .gitattributes} stores with LFS ({@code filter=lfs}, the last matching line winning). */
    public static final class Attributes {
        private final AttributesNode node;

        private Attributes(AttributesNode node) {
            this.node = node;
        }

        public static Attributes parse(String text) {
            AttributesNode n = new AttributesNode();
            try {
                n.parse(new ByteArrayInputStream((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Attributes(n);
        }

        public boolean isLfs(String path) {
            String filter = null;
            for (AttributesRule r : node.getRules()) {
                if (r.isMatch(path, false)) {
                    for (Attribute a : r.getAttributes()) {
                        if (a.getKey().equals("filter")) {
                            filter = a.getState() == Attribute.State.CUSTOM ? a.getValue() : null;
                        }
                    }
                }
            }
            return "lfs".equals(filter);
        }
    }

    /** The line that makes {@code path} an LFS file: the path, glob characters and spaces escaped. */
    public static String lfsLine(String path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case ' ' -> b.append("[[:space:]]");
                case '*', '?', '[', ']', '\\', '!', '#' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b + " filter=lfs diff=lfs merge=lfs -text\n";
    }

    /** A {@code .gitignore}: whether a path is ignored, by its own rule or one of its parent folders'. */
    public static final class Ignore {
        private final IgnoreNode node;

        private Ignore(IgnoreNode node) {
            this.node = node;
        }

        public static Ignore parse(String text) {
            IgnoreNode n = new IgnoreNode();
            try {
                n.parse(new ByteArrayInputStream((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Ignore(n);
        }

        public boolean isEmpty() {
            return node.getRules().isEmpty();
        }

        public boolean isIgnored(String path) {
            if (node.getRules().isEmpty()) {
                return false;
            }
            int i = -1;
            while ((i = path.indexOf('/', i + 1)) >= 0) {
                if (Boolean.TRUE.equals(node.checkIgnored(path.substring(0, i), true))) {
                    return true; // git does not look inside an ignored folder
                }
            }
            return Boolean.TRUE.equals(node.checkIgnored(path, false));
        }
    }
}
