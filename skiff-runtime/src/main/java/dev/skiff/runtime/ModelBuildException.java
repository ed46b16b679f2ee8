package dev.skiff.runtime;

/** A model could not be rebuilt from its node tree: an unsupported class, or a state that does not add up. */
public class ModelBuildException extends Exception {
    public ModelBuildException(String message) {
        super(message);
    }

    public ModelBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
