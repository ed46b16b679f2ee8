/**
 * The native runtime: {@link dev.skiff.runtime.Models} loads an audited {@code .skops} file into a
 * {@link dev.skiff.runtime.Model} that predicts on the JVM with scikit-learn's numbers.
 */
package dev.skiff.runtime;
