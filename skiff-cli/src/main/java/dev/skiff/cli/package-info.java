/**
 * The {@code skiff} command line: thin picocli commands over the modules' public APIs, with one-line
 * errors and documented exit codes.
 */
package dev.skiff.cli;
