package dev.skiff.card.yaml;

/**
 * Safety limits for loading untrusted YAML.
 *
 * @param maxAliases   aliases to collections allowed in one document (stops "billion laughs")
 * @param maxDepth     nesting depth of collections
 * @param maxCodePoints characters of YAML text
 */
public record YamlLimits(int maxAliases, int maxDepth, int maxCodePoints) {
    /** 50 aliases, depth 64, 4 Mi characters: far beyond any real card, far below harm. */
    public static final YamlLimits DEFAULT = new YamlLimits(50, 64, 4 << 20);

    public YamlLimits {
        if (maxAliases < 0 || maxDepth < 1 || maxCodePoints < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}
