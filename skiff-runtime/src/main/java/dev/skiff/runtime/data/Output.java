package dev.skiff.runtime.data;

/** What a model method returns: one column (labels, values), a numeric matrix, or a frame of columns. */
public sealed interface Output permits Column, Matrix, Frame {
    /** Number of rows. */
    int rows();
}
