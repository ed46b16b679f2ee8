package dev.skiff.card.plot;

import java.nio.file.Path;

/**
 * A PNG written by {@link Plots}.
 *
 * @param path    where it was written
 * @param width   image width in pixels
 * @param height  image height in pixels
 * @param altText a one-line description for the Markdown image link
 */
public record PlotFile(Path path, int width, int height, String altText) {
}
