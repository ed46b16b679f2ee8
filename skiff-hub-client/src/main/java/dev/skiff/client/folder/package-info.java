/**
 * Repo folders, as skops' removed {@code hub_utils} made them: {@link dev.skiff.client.folder.RepoFolder} turns a
 * {@code .skops} model into a folder with {@code config.json} and a starter README, pushes it to a hub and fetches it back.
 */
package dev.skiff.client.folder;
