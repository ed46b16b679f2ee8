package dev.skiff.runtime.compose;

import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code np.hstack} of transformer outputs, with numpy's type promotion: all-boolean parts stay boolean,
 * integers (and booleans) stay integers, any float makes a float matrix, and any string column makes an
 * object result — a frame whose columns keep their types. Integer, boolean and object results are frames;
 * float results are matrices. Also the {@code output * weight} of FeatureUnion/ColumnTransformer weights.
 */
final class Hstack {
    private static final int BOOL = 0;
    private static final int INT = 1;
    private static final int FLOAT = 2;
    private static final int OBJECT = 3;

    private Hstack() {
    }

    /** One part: a transformer's output and its weight (null for none), with its name for messages. */
    record Part(String name, Data data, Number weight) {
    }

    /**
     * Stacks the parts; {@code numericOnly} (a sparse result in scikit-learn) turns an object result into
     * numbers, parsing text (a non-number names its row and column).
     */
    static Data stack(String owner, List<Part> parts, int rows, boolean numericOnly) {
        if (parts.isEmpty()) {
            return Matrix.zeros(rows, 0);
        }
        List<Data> weighted = new ArrayList<>(parts.size());
        int level = BOOL;
        for (Part p : parts) {
            if (p.data().rows() != rows) {
                throw new IllegalStateException(owner + ": transformer '" + p.name() + "' returned " + p.data().rows()
                        + " rows for " + rows + " input rows");
            }
            Data d = p.weight() == null ? p.data() : weigh(owner, p);
            weighted.add(d);
            level = Math.max(level, level(d));
        }
        if (level == OBJECT && numericOnly) {
            level = FLOAT;
        }
        if (level == FLOAT) {
            int width = 0;
            List<Matrix> ms = new ArrayList<>(weighted.size());
            for (Data d : weighted) {
                Matrix m = switch (d) {
                    case Matrix mm -> mm;
                    case Frame f -> f.toMatrix();
                };
                ms.add(m);
                width += m.cols();
            }
            if (ms.size() == 1) {
                return ms.get(0);
            }
            double[] out = new double[Math.multiplyExact(rows, width)];
            int off = 0;
            for (Matrix m : ms) {
                int c = m.cols();
                double[] src = m.data();
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(src, i * c, out, i * width + off, c);
                }
                off += c;
            }
            return new Matrix(out, rows, width);
        }
        // a frame matched by position; its columns are named "<transformer>__<column>" (as scikit-learn's
        // verbose feature names) so that a later error about a value names where it came from
        List<Column> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < weighted.size(); p++) {
            String prefix = parts.get(p).name() + "__";
            switch (weighted.get(p)) {
                case Matrix m -> {
                    for (int j = 0; j < m.cols(); j++) {
                        cols.add(new Float64Column(m.column(j)));
                        names.add(prefix + "x" + j);
                    }
                }
                case Frame f -> {
                    for (int j = 0; j < f.cols(); j++) {
                        Column c = f.column(j);
                        cols.add(level == INT ? toLong(c) : c);
                        names.add(prefix + (f.isPositional() ? "x" + j : f.names().get(j)));
                    }
                }
            }
        }
        return Frame.of(unique(names), cols).positional();
    }

    /** Names made unique with a numeric suffix (transformer names are unique, but be safe). */
    private static List<String> unique(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            String u = n;
            for (int k = 1; !seen.add(u); k++) {
                u = n + "_" + k;
            }
            out.add(u);
        }
        return out;
    }

    private static int level(Data d) {
        if (d instanceof Frame f) {
            int level = BOOL;
            for (Column c : f.columns()) {
                level = Math.max(level, level(c));
            }
            return level;
        }
        return FLOAT;
    }

    private static int level(Column c) {
        return switch (c) {
            case BoolColumn b -> b.missing() == null ? BOOL : OBJECT;
            case Int64Column l -> l.missing() == null ? INT : FLOAT;
            case Float64Column f -> FLOAT;
            case StringColumn s -> OBJECT;
        };
    }

    private static Column toLong(Column c) {
        if (c instanceof BoolColumn b) {
            long[] l = new long[b.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = b.values()[i] ? 1 : 0;
            }
            return new Int64Column(l);
        }
        return c;
    }

    /**
     * {@code output * weight}: an integer weight keeps integer (and boolean) columns integral. Text is read as
     * numbers (Python would repeat the string); a non-number names its row and column.
     */
    private static Data weigh(String owner, Part p) {
        Number w = p.weight();
        boolean intWeight = w instanceof Long || w instanceof Integer;
        double wd = w.doubleValue();
        return switch (p.data()) {
            case Matrix m -> {
                double[] src = m.data();
                double[] out = new double[src.length];
                for (int k = 0; k < src.length; k++) {
                    out[k] = src[k] * wd;
                }
                yield new Matrix(out, m.rows(), m.cols());
            }
            case Frame f -> {
                List<Column> cols = new ArrayList<>(f.cols());
                for (int j = 0; j < f.cols(); j++) {
                    Column c = f.column(j);
                    int n = c.size();
                    switch (c) {
                        case Float64Column fc -> {
                            double[] out = new double[n];
                            for (int i = 0; i < n; i++) {
                                out[i] = fc.values()[i] * wd;
                            }
                            cols.add(new Float64Column(out));
                        }
                        default -> {
                            if (intWeight && !(c instanceof StringColumn)
                                    && !(c instanceof Int64Column l && l.missing() != null)
                                    && !(c instanceof BoolColumn b && b.missing() != null)) {
                                long lw = w.longValue();
                                long[] out = new long[n];
                                for (int i = 0; i < n; i++) {
                                    long v = c instanceof Int64Column l ? l.values()[i]
                                            : ((BoolColumn) c).values()[i] ? 1 : 0;
                                    out[i] = v * lw;
                                }
                                cols.add(new Int64Column(out));
                            } else {
                                double[] v = Columns.toDoubles(f.names().get(j), c);
                                for (int i = 0; i < n; i++) {
                                    v[i] *= wd;
                                }
                                cols.add(new Float64Column(v));
                            }
                        }
                    }
                }
                Frame w2 = Frame.of(f.names(), cols);
                yield f.isPositional() ? w2.positional() : w2;
            }
        };
    }
}
