/**
 * Reading a README's structure without pandoc: the YAML front matter split with the Hub's own regex, the line break
 * style, and the top-level headings (with their exact source text) found by commonmark-java.
 */
package dev.skiff.card.markdown;
