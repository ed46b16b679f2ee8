/**
 * Showing a person what a {@code .skops} file holds before they trust it: a tree with untrusted nodes
 * marked and arrays summarised, as text or JSON.
 */
package dev.skiff.format.inspect;
