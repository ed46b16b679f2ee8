package dev.skiff.runtime.data;

import dev.skiff.format.json.PyValues;

/** Doubles; NaN is missing (as in pandas and scikit-learn). */
public record Float64Column(double[] values) implements Column {
    @Override
    public ColumnType type() {
        return ColumnType.FLOAT64;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return Double.isNaN(values[i]);
    }

    @Override
    public Object get(int i) {
        return isMissing(i) ? null : values[i];
    }

    @Override
    public String text(int i) {
        return isMissing(i) ? "" : PyValues.floatRepr(values[i]);
    }
}
