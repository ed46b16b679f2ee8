package dev.skiff.card.eval;

import dev.skiff.format.json.PyValues;

import java.util.Objects;

/**
 * One computed metric.
 *
 * @param type   the Hub's metric id for model-index ({@code accuracy}, {@code f1}, {@code roc_auc}, {@code r2},
 *               {@code mae}, {@code rmse}, ...)
 * @param config how it was averaged ({@code macro}, {@code weighted}, {@code ovr-macro}) or null
 * @param name   the row label of the metrics table, e.g. {@code f1 (macro)}
 * @param value  the number scikit-learn computes; NaN where scikit-learn returns NaN (undefined)
 */
public record Metric(String type, String config, String name, double value) {
    public Metric {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** False when scikit-learn would return NaN (e.g. ROC AUC with one class in the data). */
    public boolean isDefined() {
        return !Double.isNaN(value);
    }

    /** The value as Python's {@code str(float)} writes it: the shortest text that reads back exactly. */
    public String valueText() {
        return PyValues.floatRepr(value);
    }
}
