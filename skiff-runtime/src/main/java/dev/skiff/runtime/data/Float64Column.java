package dev.skiff.runtime.data;

import dev.skiff.format.json.PyValues;

/**
 * Doubles; NaN is missing (as in pandas and scikit-learn). {@code source}, when not null, holds the input
 * text of values whose canonical text differs (see {@link Column#sourceText}); null entries mean "as text()".
 */
public record Float64Column(double[] values, String[] source) implements Column {
    public Float64Column(double[] values) {
        this(values, null);
    }

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

    @Override
    public String sourceText(int i) {
        return source != null && source[i] != null ? source[i] : text(i);
    }
}
