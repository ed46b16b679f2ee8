/**
 * JSON as Python skops reads and writes it: ordered objects, source-exact numbers, and a writer whose
 * layout matches {@code json.dumps(indent=2)}. Nothing else in Skiff parses {@code schema.json}.
 */
package dev.skiff.format.json;
