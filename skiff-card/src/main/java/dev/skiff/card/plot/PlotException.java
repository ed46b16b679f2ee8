package dev.skiff.card.plot;

/** A plot could not be drawn or written (nothing to draw, an unwritable path, no fonts on a headless machine). */
public class PlotException extends RuntimeException {
    public PlotException(String message) {
        super(message);
    }

    public PlotException(String message, Throwable cause) {
        super(message, cause);
    }
}
