/**
 * Model cards: {@code Card} holds YAML metadata and a tree of sections, renders to README.md and parses it back.
 * Content helpers add plots, tables, metrics and evaluation computed by the runtime.
 */
package dev.skiff.card;
