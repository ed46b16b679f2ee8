package dev.skiff.runtime.data;

import dev.skiff.format.json.PyValues;

/**
 * A dense numeric matrix in row-major (C) order, as numpy hands scikit-learn its {@code X}. Missing
 * values are NaN. The wrapped array is shared: treat it as read-only.
 */
public final class Matrix implements Data, Output {
    private final double[] data;
    private final int rows;
    private final int cols;

    public Matrix(double[] data, int rows, int cols) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(new double[Math.multiplyExact(rows, cols)], rows, cols);
    }

    /** Copies rows of equal length. */
    public static Matrix of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] d = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + m);
            }
            System.arraycopy(rows[i], 0, d, i * m, m);
        }
        return new Matrix(d, n, m);
    }

    /** A one-column matrix. */
    public static Matrix column(double[] values) {
        return new Matrix(values, values.length, 1);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** The backing row-major array (shared). */
    public double[] data() {
        return data;
    }

    /** Row {@code i} as a copy. */
    public double[] row(int i) {
        double[] r = new double[cols];
        System.arraycopy(data, i * cols, r, 0, cols);
        return r;
    }

    public double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** The value as CSV text (Python float repr, empty for NaN). */
    public String text(int i, int j) {
        double v = get(i, j);
        return Double.isNaN(v) ? "" : PyValues.floatRepr(v);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
