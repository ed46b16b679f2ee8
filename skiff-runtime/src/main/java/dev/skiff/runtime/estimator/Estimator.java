package dev.skiff.runtime.estimator;

import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;

import java.util.List;
import java.util.Set;

/**
 * A fitted scikit-learn estimator rebuilt on the JVM. Implementations are immutable and thread-safe:
 * one instance serves concurrent calls. Each method mirrors its scikit-learn namesake, with the same
 * numbers; those an estimator lacks are absent from {@link #methods()} and throw.
 */
public interface Estimator {

    /** The fully qualified Python class, e.g. {@code sklearn.linear_model._logistic.LogisticRegression}. */
    String pythonClass();

    /** The methods this estimator answers. */
    Set<Method> methods();

    /** Labels (classifiers), values (regressors, shape (n,)), a matrix (multi-output regressors) or a frame. */
    default Output predict(Data x) {
        throw unsupported(Method.PREDICT);
    }

    /** Class probabilities, one column per class in {@link #classes()} order. */
    default Matrix predictProba(Data x) {
        throw unsupported(Method.PREDICT_PROBA);
    }

    /** Decision scores; one column for binary problems, as scikit-learn's (n,) output. */
    default Matrix decisionFunction(Data x) {
        throw unsupported(Method.DECISION_FUNCTION);
    }

    /** The transformed data: usually a matrix, a frame when string columns come out (e.g. a most-frequent imputer). */
    default Data transform(Data x) {
        throw unsupported(Method.TRANSFORM);
    }

    default Matrix scoreSamples(Data x) {
        throw unsupported(Method.SCORE_SAMPLES);
    }

    /** The class labels of a classifier ({@code classes_}), or null. */
    default Column classes() {
        return null;
    }

    /** {@code feature_names_in_} when the estimator was fitted on a DataFrame, else null. */
    default List<String> featureNamesIn() {
        return null;
    }

    /** {@code n_features_in_}, or -1 when unknown. */
    default int nFeaturesIn() {
        return -1;
    }

    default UnsupportedOperationException unsupported(Method m) {
        return new UnsupportedOperationException(pythonClass() + " has no " + m.pythonName());
    }
}
