/**
 * Which repo paths an allow/ignore pattern list selects, with the Python client's rules ({@code fnmatchcase}, {@code *}
 * crossing {@code /}), so that {@code snapshotDownload} and {@code uploadFolder} pick the same files as Python.
 */
package dev.skiff.client.pattern;
