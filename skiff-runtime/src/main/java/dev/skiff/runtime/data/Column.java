package dev.skiff.runtime.data;

/**
 * One typed column of values, possibly with missing entries. Columns are shared, not copied: treat the
 * arrays they wrap as read-only once a column is built.
 */
public sealed interface Column extends Output permits Float64Column, Int64Column, StringColumn, BoolColumn {
    ColumnType type();

    /** Number of values. */
    int size();

    @Override
    default int rows() {
        return size();
    }

    boolean isMissing(int i);

    /** The value boxed (Double, Long, String, Boolean), or null when missing. */
    Object get(int i);

    /** The value as text, as it appears in a CSV ({@code ""} when missing). */
    String text(int i);

    /**
     * The value as the input spelled it, where that differs from {@link #text} (a CSV's {@code 02139} read
     * as the number 2139): what a string category is matched against. Otherwise {@link #text}.
     */
    default String sourceText(int i) {
        return text(i);
    }
}
