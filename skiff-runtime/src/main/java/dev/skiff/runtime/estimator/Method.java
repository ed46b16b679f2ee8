package dev.skiff.runtime.estimator;

/** The scikit-learn methods a Skiff estimator can answer. */
public enum Method {
    PREDICT("predict"), PREDICT_PROBA("predict_proba"), DECISION_FUNCTION("decision_function"),
    TRANSFORM("transform"), SCORE_SAMPLES("score_samples");

    private final String pythonName;

    Method(String pythonName) {
        this.pythonName = pythonName;
    }

    public String pythonName() {
        return pythonName;
    }

    /** Parses {@code predict_proba} or {@code PREDICT_PROBA}. */
    public static Method parse(String s) {
        for (Method m : values()) {
            if (m.pythonName.equals(s) || m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method \"" + s + "\" (expected predict, predict_proba, "
                + "decision_function, transform or score_samples)");
    }
}
