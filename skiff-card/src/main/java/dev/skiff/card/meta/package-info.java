/**
 * Card metadata: the Hub's YAML keys with typed accessors over an ordered map that keeps every other key, and
 * evaluation results converted to and from {@code model-index} exactly as huggingface_hub converts them.
 */
package dev.skiff.card.meta;
