package dev.skiff.runtime.data;

/** What an estimator takes in: a frame of named typed columns, or a numeric matrix from an earlier step. */
public sealed interface Data permits Frame, Matrix {
    int rows();

    /** Number of columns (features). */
    int cols();
}
