/**
 * Reading {@code .skops} archives into node trees: bounded zip access, the id memo and cycle checks.
 * No class is loaded and no code from the file runs here; the audit comes next.
 */
package dev.skiff.format.read;
