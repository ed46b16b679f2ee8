package dev.skiff.runtime.data;

import dev.skiff.runtime.ModelInputException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named, typed columns of equal length: the input of every model method. Build one from rows
 * ({@link #of(double[][])}), from columns ({@link #fromColumns}), from a CSV with a header ({@link Csv}) or
 * from JSON records ({@link JsonRecords}). A frame built from bare rows is <em>positional</em>: its columns
 * are matched to the model's features by position, like a numpy array.
 */
public final class Frame implements Data, Output {
    private final List<String> names;
    private final List<Column> columns;
    private volatile Map<String, Integer> index;
    private final int rows;
    private final boolean positional;

    private Frame(List<String> names, List<Column> columns, int rows, boolean positional) {
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.positional = positional;
    }

    /** The name index, built on first use (most calls never look a column up by name). */
    private Map<String, Integer> index() {
        Map<String, Integer> idx = index;
        if (idx == null) {
            idx = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                idx.put(names.get(i), i);
            }
            index = idx;
        }
        return idx;
    }

    private static void checkUnique(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new ModelInputException("duplicate column name \"" + n + "\"");
            }
        }
    }

    /** Named columns; all must have the same length. */
    public static Frame of(List<String> names, List<Column> columns) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
        checkUnique(names);
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).size() != n) {
                throw new ModelInputException("column \"" + names.get(i) + "\" has " + columns.get(i).size()
                        + " values, column \"" + names.get(0) + "\" has " + n);
            }
        }
        return new Frame(names, columns, n, false);
    }

    /** Rows of numbers, matched to features by position (names {@code x0, x1, ...}). */
    public static Frame of(double[][] rows) {
        int m = rows.length == 0 ? 0 : rows[0].length;
        List<String> names = new ArrayList<>(m);
        List<Column> cols = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            double[] c = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != m) {
                    throw new ModelInputException("row " + i + " has " + rows[i].length + " values, expected " + m);
                }
                c[i] = rows[i][j];
            }
            names.add("x" + j);
            cols.add(new Float64Column(c));
        }
        return new Frame(names, cols, rows.length, true);
    }

    /** A positional frame over a matrix's columns. */
    public static Frame of(Matrix m) {
        List<String> names = new ArrayList<>(m.cols());
        List<Column> cols = new ArrayList<>(m.cols());
        for (int j = 0; j < m.cols(); j++) {
            names.add("x" + j);
            cols.add(new Float64Column(m.column(j)));
        }
        return new Frame(names, cols, m.rows(), true);
    }

    /**
     * Columns from Java arrays or lists: {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]},
     * {@code boolean[]}, {@code String[]}, or a {@code List} of Number/String/Boolean/null (typed by its values).
     */
    public static Frame fromColumns(Map<String, ?> columns) {
        List<String> names = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        columns.forEach((name, values) -> {
            names.add(name);
            cols.add(Columns.of(name, values));
        });
        return of(names, cols);
    }

    /** This frame with its columns matched by position rather than by name. */
    public Frame positional() {
        return positional ? this : new Frame(names, columns, rows, true);
    }

    /** The same columns under new names (matched by name from now on). */
    public Frame withNames(List<String> newNames) {
        if (newNames.size() != columns.size()) {
            throw new ModelInputException("expected " + newNames.size() + " columns, got " + columns.size());
        }
        checkUnique(newNames);
        return new Frame(newNames, columns, rows, false);
    }

    public boolean isPositional() {
        return positional;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return columns.size();
    }

    public List<String> names() {
        return names;
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int j) {
        return columns.get(j);
    }

    /** The column called {@code name}, or null. */
    public Column column(String name) {
        Integer j = index().get(name);
        return j == null ? null : columns.get(j);
    }

    public int indexOf(String name) {
        Integer j = index().get(name);
        return j == null ? -1 : j;
    }

    /** These columns, in this order. */
    public Frame select(int... idx) {
        List<String> n = new ArrayList<>(idx.length);
        List<Column> c = new ArrayList<>(idx.length);
        for (int j : idx) {
            n.add(names.get(j));
            c.add(columns.get(j));
        }
        return new Frame(n, c, rows, positional);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Frame slice(int from, int to) {
        List<Column> c = new ArrayList<>(columns.size());
        for (Column col : columns) {
            c.add(Columns.slice(col, from, to));
        }
        return new Frame(names, c, to - from, positional);
    }

    /** The rows at these indices, in this order (rows may repeat). */
    public Frame takeRows(int[] rowIdx) {
        List<Column> c = new ArrayList<>(columns.size());
        for (Column col : columns) {
            c.add(Columns.take(col, rowIdx));
        }
        return new Frame(names, c, rowIdx.length, positional);
    }

    /** Name-to-column view in order. */
    public Map<String, Column> asMap() {
        Map<String, Column> m = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), columns.get(j));
        }
        return Collections.unmodifiableMap(m);
    }

    /** All values as doubles, row-major; string columns are parsed, a bad value names its row and column. */
    public Matrix toMatrix() {
        int m = columns.size();
        double[] out = new double[Math.multiplyExact(rows, m)];
        double[][] plain = new double[m][];
        boolean allFloat = true;
        for (int j = 0; j < m; j++) {
            if (columns.get(j) instanceof Float64Column f) {
                plain[j] = f.values();
            } else {
                allFloat = false;
            }
        }
        if (allFloat) { // the common case: fill row by row, reading the columns side by side
            for (int i = 0, o = 0; i < rows; i++) {
                for (int j = 0; j < m; j++) {
                    out[o++] = plain[j][i];
                }
            }
        } else {
            for (int j = 0; j < m; j++) {
                Columns.fillDoubles(names.get(j), columns.get(j), out, j, m);
            }
        }
        return new Matrix(out, rows, m);
    }

    static BitSet missingOf(Column c) {
        BitSet b = new BitSet(c.size());
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                b.set(i);
            }
        }
        return b;
    }

    @Override
    public String toString() {
        return "Frame[" + rows + " rows x " + names + "]";
    }
}
