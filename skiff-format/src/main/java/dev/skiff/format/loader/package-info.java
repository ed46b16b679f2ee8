/**
 * The loader registry: for each skops {@code __loader__} name, how its JSON state becomes a node and how a
 * node is written back. Loaders are grouped by the library whose types they carry, as in skops.
 */
package dev.skiff.format.loader;
