package dev.skiff.runtime.data;

import java.util.BitSet;

/** Booleans; {@code missing} marks absent values (null means none are missing). */
public record BoolColumn(boolean[] values, BitSet missing) implements Column {
    public BoolColumn(boolean[] values) {
        this(values, null);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOL;
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
        return isMissing(i) ? "" : (values[i] ? "True" : "False");
    }
}
