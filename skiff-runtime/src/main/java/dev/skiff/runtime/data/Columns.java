package dev.skiff.runtime.data;

import dev.skiff.format.json.PyValues;
import dev.skiff.runtime.ModelInputException;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Building columns from Java values, and converting them to what an estimator needs. */
public final class Columns {
    /** Text that means "missing", as pandas reads it (and as the Hub widget sends it). */
    public static final Set<String> MISSING_TOKENS = Set.of("", "NaN", "nan", "NA", "N/A", "null", "None", "<NA>");

    private Columns() {
    }

    static Column of(String name, Object values) {
        return switch (values) {
            case double[] d -> new Float64Column(d.clone());
            case float[] f -> {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                yield new Float64Column(d);
            }
            case long[] l -> new Int64Column(l.clone());
            case int[] ints -> new Int64Column(Arrays.stream(ints).asLongStream().toArray());
            case boolean[] b -> new BoolColumn(b.clone());
            case String[] s -> new StringColumn(s.clone());
            case Column c -> c;
            case List<?> list -> fromList(name, list);
            default -> throw new ModelInputException("column \"" + name + "\": unsupported values of type "
                    + values.getClass().getSimpleName());
        };
    }

    /** A column typed by its non-null values: all Boolean → bool, all integral → int64, all numbers → float64, else strings. */
    static Column fromList(String name, List<?> list) {
        boolean allBool = true;
        boolean allInt = true;
        boolean allNum = true;
        for (Object o : list) {
            if (o == null) {
                continue;
            }
            allBool &= o instanceof Boolean;
            allInt &= o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                    || (o instanceof java.math.BigInteger b && b.bitLength() < 64);
            allNum &= o instanceof Number;
        }
        int n = list.size();
        BitSet missing = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (list.get(i) == null) {
                missing.set(i);
            }
        }
        if (allBool && !list.isEmpty() && missing.cardinality() < n) {
            boolean[] v = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i] = list.get(i) != null && (Boolean) list.get(i);
            }
            return new BoolColumn(v, missing.isEmpty() ? null : missing);
        }
        if (allInt && missing.isEmpty() && !list.isEmpty()) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = ((Number) list.get(i)).longValue();
            }
            return new Int64Column(v);
        }
        if (allNum) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = list.get(i) == null ? Double.NaN : ((Number) list.get(i)).doubleValue();
            }
            return new Float64Column(v);
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            Object o = list.get(i);
            s[i] = o == null ? null : o instanceof Double d ? PyValues.floatRepr(d) : o.toString();
        }
        return new StringColumn(s);
    }

    static Column slice(Column c, int from, int to) {
        return switch (c) {
            case Float64Column f -> new Float64Column(Arrays.copyOfRange(f.values(), from, to));
            case Int64Column l -> new Int64Column(Arrays.copyOfRange(l.values(), from, to),
                    l.missing() == null ? null : l.missing().get(from, to));
            case StringColumn s -> new StringColumn(Arrays.copyOfRange(s.values(), from, to));
            case BoolColumn b -> new BoolColumn(Arrays.copyOfRange(b.values(), from, to),
                    b.missing() == null ? null : b.missing().get(from, to));
        };
    }

    static Column take(Column c, int[] idx) {
        int n = idx.length;
        return switch (c) {
            case Float64Column f -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = f.values()[idx[i]];
                }
                yield new Float64Column(v);
            }
            case Int64Column l -> {
                long[] v = new long[n];
                BitSet miss = l.missing() == null ? null : new BitSet(n);
                for (int i = 0; i < n; i++) {
                    v[i] = l.values()[idx[i]];
                    if (miss != null && l.isMissing(idx[i])) {
                        miss.set(i);
                    }
                }
                yield new Int64Column(v, miss);
            }
            case StringColumn s -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = s.values()[idx[i]];
                }
                yield new StringColumn(v);
            }
            case BoolColumn b -> {
                boolean[] v = new boolean[n];
                BitSet miss = b.missing() == null ? null : new BitSet(n);
                for (int i = 0; i < n; i++) {
                    v[i] = b.values()[idx[i]];
                    if (miss != null && b.isMissing(idx[i])) {
                        miss.set(i);
                    }
                }
                yield new BoolColumn(v, miss);
            }
        };
    }

    /** The column as doubles (missing → NaN); strings are parsed and a bad one names its row and column. */
    public static double[] toDoubles(String name, Column c) {
        double[] out = new double[c.size()];
        fillDoubles(name, c, out, 0, 1);
        return out;
    }

    static void fillDoubles(String name, Column c, double[] out, int offset, int stride) {
        int n = c.size();
        switch (c) {
            case Float64Column f -> {
                double[] v = f.values();
                for (int i = 0; i < n; i++) {
                    out[offset + i * stride] = v[i];
                }
            }
            case Int64Column l -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i * stride] = l.isMissing(i) ? Double.NaN : (double) l.values()[i];
                }
            }
            case BoolColumn b -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i * stride] = b.isMissing(i) ? Double.NaN : b.values()[i] ? 1.0 : 0.0;
                }
            }
            case StringColumn s -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i * stride] = parseNumber(s.values()[i], name, i);
                }
            }
        }
    }

    /** A number the way numpy's {@code float(str)} reads it; missing tokens are NaN. */
    public static double parseNumber(String text, String column, int row) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.strip();
        if (MISSING_TOKENS.contains(t)) {
            return Double.NaN;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "true" -> {
                return 1.0;
            }
            case "false" -> {
                return 0.0;
            }
            default -> {
            }
        }
        try {
            if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
                throw new NumberFormatException(t); // Java accepts these suffixes, Python does not
            }
            return Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ModelInputException("row " + row + ", column \"" + column + "\": \"" + text
                    + "\" is not a number");
        }
    }

    /** The column as strings (missing → null), for matching against string categories. */
    public static String[] toStrings(Column c) {
        int n = c.size();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = c.isMissing(i) ? null : c.text(i);
        }
        return out;
    }
}
