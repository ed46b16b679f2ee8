package dev.skiff.runtime;

/** The model uses a class Skiff cannot run (yet); the message names it and where it sits in the model. */
public final class UnsupportedEstimatorException extends ModelBuildException {
    private final String pythonClass;
    private final String path;

    public UnsupportedEstimatorException(String pythonClass, String path) {
        super("unsupported estimator " + pythonClass + " at " + path);
        this.pythonClass = pythonClass;
        this.path = path;
    }

    public String pythonClass() {
        return pythonClass;
    }

    public String path() {
        return path;
    }
}
