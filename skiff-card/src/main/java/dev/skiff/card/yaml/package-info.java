/**
 * YAML with PyYAML's semantics: YAML 1.1 resolution exactly as {@code yaml.safe_load} does it, and output byte-equal
 * to {@code yaml.dump(d, sort_keys=False, allow_unicode=True)}, on top of SnakeYAML with safety limits.
 */
package dev.skiff.card.yaml;
