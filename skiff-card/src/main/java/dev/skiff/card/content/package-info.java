/**
 * What a card section holds: Markdown, a plot, a table, a running metrics table or an HTML block, and how each is
 * written as Markdown (skops' formats: PrettyTable-style tables, {@code ![alt](path)} plots, {@code <details>} folding).
 */
package dev.skiff.card.content;
