package dev.skiff.card.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.util.Map;

/**
 * YAML as Python's PyYAML reads and writes it, which is what {@code huggingface_hub} uses for card metadata.
 * <ul>
 *   <li>{@link #load} is {@code yaml.safe_load}: YAML 1.1 ({@code no} is {@code false}, {@code 1.10} is the float
 *   1.1, {@code 2024-01-02} a {@link java.time.LocalDate}); mappings are {@link java.util.LinkedHashMap}s in document
 *   order; integers are {@link Integer}, {@link Long} or {@link java.math.BigInteger}; floats {@link Double}.</li>
 *   <li>{@link #dump} is {@code yaml.dump(value, sort_keys=False, allow_unicode=True, line_break=lb)}, byte for
 *   byte.</li>
 * </ul>
 * Instances are not needed: SnakeYAML objects are not thread-safe, so each call builds its own.
 */
public final class PyYaml {
    private PyYaml() {
    }

    /** {@code yaml.safe_load(text)} with the default limits. */
    public static Object load(String text) {
        return load(text, YamlLimits.DEFAULT);
    }

    /**
     * {@code yaml.safe_load(text)}: null for an empty document.
     *
     * @throws YamlException with a one-line message ("line 3, column 5: mapping values are not allowed here")
     */
    public static Object load(String text, YamlLimits limits) {
        if (text.length() > limits.maxCodePoints()) {
            throw new YamlException("YAML is longer than " + limits.maxCodePoints() + " characters");
        }
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(limits.maxAliases());
        opts.setNestingDepthLimit(limits.maxDepth());
        opts.setCodePointLimit(limits.maxCodePoints());
        opts.setAllowDuplicateKeys(true); // PyYAML keeps the last value (at the first key's place)
        opts.setAllowRecursiveKeys(false);
        opts.setProcessComments(false);
        DumperOptions unused = new DumperOptions();
        Yaml yaml = new Yaml(new PyYamlConstructor(opts), new Representer(unused), unused, opts, new PyYamlResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new YamlException(describe(e), e);
        } catch (YAMLException e) {
            throw new YamlException(firstLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new YamlException("YAML nesting too deep");
        } catch (RuntimeException e) {
            // SnakeYAML reports a few malformed inputs with plain runtime exceptions (e.g. bad numbers)
            throw new YamlException("invalid YAML: " + firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    /** {@link #load}, requiring a mapping (or nothing, which gives an empty map), as huggingface_hub does. */
    @SuppressWarnings("unchecked")
    public static Map<Object, Object> loadMapping(String text, YamlLimits limits) {
        Object doc = load(text, limits);
        if (doc == null) {
            return new java.util.LinkedHashMap<>();
        }
        if (!(doc instanceof Map<?, ?>)) {
            throw new YamlException("repo card metadata block should be a dict");
        }
        return (Map<Object, Object>) doc;
    }

    /** {@code yaml.dump(value, sort_keys=False, allow_unicode=True)} with {@code \n} line breaks. */
    public static String dump(Object value) {
        return dump(value, "\n");
    }

    /** {@code yaml.dump(value, sort_keys=False, allow_unicode=True, line_break=lineBreak)}. */
    public static String dump(Object value, String lineBreak) {
        if (!lineBreak.equals("\n") && !lineBreak.equals("\r\n") && !lineBreak.equals("\r")) {
            throw new IllegalArgumentException("line break must be \\n, \\r\\n or \\r");
        }
        try {
            return PyYamlEmitter.dump(value, lineBreak);
        } catch (StackOverflowError e) {
            throw new YamlException("value nested too deeply to write as YAML");
        }
    }

    private static String describe(MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String where = m == null ? "" : "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
        return where + firstLine(problem == null ? "invalid YAML" : problem);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid YAML";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
