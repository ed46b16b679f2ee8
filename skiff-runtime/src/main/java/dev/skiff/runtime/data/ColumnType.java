package dev.skiff.runtime.data;

/** The value types a column can hold; each may also hold missing values. */
public enum ColumnType {
    FLOAT64, INT64, STRING, BOOL
}
