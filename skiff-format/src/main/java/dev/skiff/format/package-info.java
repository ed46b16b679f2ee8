/**
 * Secure persistence: read, audit, inspect and write {@code .skops} files byte-compatibly with Python
 * skops. Start at {@link dev.skiff.format.Skops}. Knows nothing of estimators or HTTP.
 */
package dev.skiff.format;
