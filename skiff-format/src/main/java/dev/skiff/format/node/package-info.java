/**
 * The immutable node tree of a {@code .skops} file: one record per skops loader, describing what Python
 * would build without building it. Readers make these trees, writers serialise them, the audit walks them.
 */
package dev.skiff.format.node;
