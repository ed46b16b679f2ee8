package dev.skiff.client.folder;

import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's input columns and the first rows of a data sample, as skops' {@code hub_utils.init} put them in
 * {@code config.json}: {@code columns} in order, {@code example_input} as column → the first three values with the
 * types pandas gives a CSV's columns (integers, floats, booleans, strings; a missing value is {@code NaN}).
 * Unlike skops, the sample is checked against the model: missing columns are an error, columns the model does not use
 * are left out.
 *
 * @param columns  the input columns in the model's order
 * @param values   column → the example values, in {@code columns} order
 * @param rows     the example rows as a frame with the model's columns (for a trial prediction)
 * @param ignored  sample columns the model does not use, left out
 */
record ExampleInput(List<String> columns, Map<String, List<Object>> values, Frame rows, List<String> ignored) {
    /** How many rows skops took as the example. */
    static final int ROWS = 3;

    static ExampleInput of(Frame data, ModelFacts facts) throws RepoFolderException {
        if (data.rows() == 0) {
            throw new RepoFolderException("the data sample has no rows; the example input takes the first " + ROWS);
        }
        List<String> ignored = List.of();
        Frame x;
        List<String> columns;
        List<String> names = facts.featureNames();
        int n = facts.nFeatures();
        if (names != null) {
            if (data.isPositional()) {
                requireCount(data, names.size());
                x = data.withNames(names);
            } else {
                Set<String> have = new LinkedHashSet<>(data.names());
                List<String> missing = names.stream().filter(c -> !have.contains(c)).toList();
                if (!missing.isEmpty()) {
                    throw new RepoFolderException("the data sample lacks column(s) " + missing
                            + " that the model was fitted on; it expects " + names);
                }
                Set<String> used = Set.copyOf(names);
                ignored = data.names().stream().filter(c -> !used.contains(c)).toList();
                int[] idx = names.stream().mapToInt(data::indexOf).toArray();
                x = data.select(idx);
            }
            columns = names;
        } else {
            if (n >= 0) {
                requireCount(data, n);
            }
            columns = data.isPositional() ? positionalNames(data.cols()) : data.names();
            x = data.isPositional() ? data.withNames(columns) : data;
        }
        Frame head = x.slice(0, Math.min(ROWS, x.rows()));
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (int j = 0; j < columns.size(); j++) {
            values.put(columns.get(j), head(x.column(j), head.rows()));
        }
        return new ExampleInput(List.copyOf(columns), values, head, ignored);
    }

    private static void requireCount(Frame data, int n) throws RepoFolderException {
        if (data.cols() != n) {
            throw new RepoFolderException("the model expects " + n + " input column(s); the data sample has "
                    + data.cols() + (data.isPositional() ? "" : " " + data.names())
                    + (data.cols() > n ? " (drop the columns the model was not fitted on, such as the target)" : ""));
        }
    }

    /** skops' names for the columns of an array: {@code x0 .. x{n-1}}. */
    static List<String> positionalNames(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("x" + i);
        }
        return out;
    }

    /** The first {@code k} values as pandas' {@code Series.to_list()} gives them for a column read from a CSV. */
    private static List<Object> head(Column c, int k) {
        List<Object> out = new ArrayList<>(k);
        boolean anyMissing = false;
        for (int i = 0; i < c.size() && !anyMissing; i++) {
            anyMissing = c.isMissing(i);
        }
        for (int i = 0; i < k; i++) {
            out.add(switch (c) {
                case Float64Column f -> f.isMissing(i) ? Double.NaN : f.values()[i];
                // pandas makes an integer column with a missing cell float64
                case Int64Column l -> l.isMissing(i) ? (Object) Double.NaN
                        : anyMissing ? (Object) (double) l.values()[i] : (Object) l.values()[i];
                // ... and a boolean or string column with one an object column holding NaN
                case BoolColumn b -> b.isMissing(i) ? (Object) Double.NaN : (Object) b.values()[i];
                case StringColumn s -> s.isMissing(i) ? (Object) Double.NaN : (Object) s.values()[i];
            });
        }
        return out;
    }
}
