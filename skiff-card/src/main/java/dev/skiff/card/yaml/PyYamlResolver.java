package dev.skiff.card.yaml;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Pattern;

/**
 * PyYAML's implicit resolvers ({@code yaml/resolver.py}), in PyYAML's order and with its regular expressions. They
 * differ from SnakeYAML's in floats: PyYAML needs a dot ({@code 1e5} and {@code 1.0e5} are strings, {@code 1.0e+5} is
 * a float), so the same plain scalar loads as the same type in Java and Python, and strings that PyYAML would read as
 * something else are quoted on output exactly when PyYAML quotes them.
 */
final class PyYamlResolver extends Resolver {
    // UNIX_LINES: '$' may match before a final '\n' only, as in Python.
    private static final int FLAGS = Pattern.UNIX_LINES;
    static final Pattern BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", FLAGS);
    static final Pattern FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$", FLAGS);
    static final Pattern INT = Pattern.compile("^(?:[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$", FLAGS);
    static final Pattern MERGE = Pattern.compile("^(?:<<)$", FLAGS);
    static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$", FLAGS);
    static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$", FLAGS);
    static final Pattern VALUE = Pattern.compile("^(?:=)$", FLAGS);
    static final Pattern YAML_CHARS = Pattern.compile("^(?:!|&|\\*)$", FLAGS);

    private static final String P = "tag:yaml.org,2002:";

    /** The tag PyYAML gives a plain scalar with this text ({@code str} when no implicit resolver matches). */
    static String resolvePlain(String value) {
        if (value.isEmpty()) {
            return P + "null";
        }
        char c = value.charAt(0);
        if ("yYnNtTfFoO".indexOf(c) >= 0 && BOOL.matcher(value).find()) {
            return P + "bool";
        }
        if ("-+0123456789.".indexOf(c) >= 0 && FLOAT.matcher(value).find()) {
            return P + "float";
        }
        if ("-+0123456789".indexOf(c) >= 0 && INT.matcher(value).find()) {
            return P + "int";
        }
        if (c == '<' && MERGE.matcher(value).find()) {
            return P + "merge";
        }
        if ("~nN".indexOf(c) >= 0 && NULL.matcher(value).find()) {
            return P + "null";
        }
        if (c >= '0' && c <= '9' && TIMESTAMP.matcher(value).find()) {
            return P + "timestamp";
        }
        if (c == '=' && VALUE.matcher(value).find()) {
            return P + "value";
        }
        if ("!&*".indexOf(c) >= 0 && YAML_CHARS.matcher(value).find()) {
            return P + "yaml";
        }
        return P + "str";
    }

    @Override
    protected void addImplicitResolvers() {
        int any = Integer.MAX_VALUE;
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", any);
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.", any);
        addImplicitResolver(Tag.INT, INT, "-+0123456789", any);
        addImplicitResolver(Tag.MERGE, MERGE, "<", any);
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", any);
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789", any);
        addImplicitResolver(new Tag(Tag.PREFIX + "value"), VALUE, "=", any);
        addImplicitResolver(Tag.YAML, YAML_CHARS, "!&*", any);
    }
}
