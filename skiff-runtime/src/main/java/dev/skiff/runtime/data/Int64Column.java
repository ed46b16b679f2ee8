package dev.skiff.runtime.data;

import java.util.BitSet;

/**
 * 64-bit integers; {@code missing} marks absent values (null means none are missing). {@code source}, when not
 * null, holds the input text of values whose canonical text differs ({@code 007}; see {@link Column#sourceText}).
 */
public record Int64Column(long[] values, BitSet missing, String[] source) implements Column {
    public Int64Column(long[] values) {
        this(values, null, null);
    }

    public Int64Column(long[] values, BitSet missing) {
        this(values, missing, null);
    }

    @Override
    public ColumnType type() {
        return ColumnType.INT64;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return missing != null && missing.get(i);
    }

    @Override
    public Object get(int i) {
        return isMissing(i) ? null : values[i];
    }

    @Override
    public String text(int i) {
        return isMissing(i) ? "" : Long.toString(values[i]);
    }

    @Override
    public String sourceText(int i) {
        return source != null && source[i] != null ? source[i] : text(i);
    }
}
