package dev.skiff.card.eval;

import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class labels as scikit-learn's metrics see them: numbers (compared as float64, as numpy promotes mixed
 * integer and float labels) or strings (compared by code point, as numpy sorts {@code <U} arrays). The kind
 * follows the model's labels, so a CSV column of digits matches a classifier fitted on integers or on strings.
 */
final class Labels {
    /** Numbers sort numerically, strings by code point; numpy's {@code np.unique} order. */
    static final Comparator<Object> ORDER = (a, b) -> a instanceof Double x
            ? Double.compare(x, (Double) b) : compareCodePoints((String) a, (String) b);

    private Labels() {
    }

    /** True when labels of this model are strings. */
    static boolean textual(Column modelLabels) {
        return modelLabels instanceof StringColumn;
    }

    /** Each value as a label key (Double or String); a missing or unreadable value fails naming its row. */
    static Object[] keys(Column c, boolean textual, String what) {
        Object[] out = new Object[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new EvaluationException(what + " has a missing value at row " + i);
            }
            out[i] = textual ? c.text(i) : number(c, i, what);
        }
        return out;
    }

    private static Double number(Column c, int i, String what) {
        double v = switch (c) {
            case Float64Column f -> f.values()[i];
            case Int64Column l -> (double) l.values()[i];
            case BoolColumn b -> b.values()[i] ? 1.0 : 0.0;
            case StringColumn s -> {
                try {
                    yield Columns.parseNumber(s.values()[i], what, i);
                } catch (ModelInputException e) {
                    throw new EvaluationException(what + " value \"" + s.values()[i] + "\" at row " + i
                            + " is not a label of this model (its labels are numbers)");
                }
            }
        };
        if (Double.isNaN(v)) {
            throw new EvaluationException(what + " has a missing value at row " + i);
        }
        return v == 0.0 ? 0.0 : v; // -0.0 and 0.0 are one label
    }

    /** The sorted distinct keys of all the arrays ({@code unique_labels}). */
    static List<Object> unique(Object[]... arrays) {
        TreeSet<Object> set = new TreeSet<>(ORDER);
        for (Object[] a : arrays) {
            set.addAll(Arrays.asList(a));
        }
        return new ArrayList<>(set);
    }

    /** Index of each key in {@code labels}, or -1 for a key that is not among them. */
    static int[] encode(Object[] keys, List<Object> labels) {
        Map<Object, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = index.getOrDefault(keys[i], -1);
        }
        return out;
    }

    /** Display names for the keys: the text of the first column (in order) that holds each key. */
    static List<String> names(List<Object> labels, boolean textual, Column... sources) {
        Map<Object, String> text = new LinkedHashMap<>();
        for (Column c : sources) {
            if (c == null) {
                continue;
            }
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    Object k = textual ? c.text(i) : safeNumber(c, i);
                    if (k != null) {
                        text.putIfAbsent(k, c.text(i));
                    }
                }
            }
        }
        List<String> out = new ArrayList<>(labels.size());
        for (Object k : labels) {
            out.add(text.getOrDefault(k, String.valueOf(k)));
        }
        return out;
    }

    private static Double safeNumber(Column c, int i) {
        try {
            return number(c, i, "labels");
        } catch (EvaluationException e) {
            return null;
        }
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
