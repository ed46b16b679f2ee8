package dev.skiff.runtime.data;

/** Strings; null is missing. */
public record StringColumn(String[] values) implements Column {
    @Override
    public ColumnType type() {
        return ColumnType.STRING;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int i) {
        return values[i] == null;
    }

    @Override
    public Object get(int i) {
        return values[i];
    }

    @Override
    public String text(int i) {
        return values[i] == null ? "" : values[i];
    }
}
