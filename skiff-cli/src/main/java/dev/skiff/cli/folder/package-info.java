/**
 * The {@code skiff init} and {@code skiff push} commands: make a repo folder for a {@code .skops} model (skops'
 * {@code hub_utils} layout) and upload it to a hub; thin over {@code dev.skiff.client.folder}.
 */
package dev.skiff.cli.folder;
