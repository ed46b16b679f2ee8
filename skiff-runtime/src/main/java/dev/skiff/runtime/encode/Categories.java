package dev.skiff.runtime.encode;

import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.npy.DType;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One feature's fitted categories ({@code categories_[i]}) and the lookup of input values in them.
 *
 * <p>scikit-learn matches categories type-sensitively (the int 5 is not the string "5"). Input on the JVM
 * often has the wrong type for reasons outside the caller's control (a CSV column of digits is read as
 * numbers, the Hub widget sends every value as a string), so an input value is coerced by the type of the
 * fitted categories: for string categories a number is compared as its text ({@code 5}, {@code 1.5}, and an
 * integral float {@code 5.0} also as {@code 5}); for numeric categories a string is parsed as a number.
 * Missing values (NaN, None, null, and the usual missing tokens when they are not categories themselves)
 * match the NaN category, or else the None category.
 */
final class Categories {
    enum Kind { NUMBER, STRING }

    private final Kind kind;
    private final List<Object> values; // String / Double / Long / Boolean, null = None, Double.NaN = nan
    private final Map<Double, Integer> numbers = new HashMap<>();
    private final Map<String, Integer> strings = new HashMap<>();
    private final int nanIndex;
    private final int noneIndex;

    private Categories(Kind kind, List<Object> values) {
        this.kind = kind;
        this.values = values;
        int nan = -1;
        int none = -1;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                none = none < 0 ? i : none;
            } else if (PyObjects.isNaN(v)) {
                nan = nan < 0 ? i : nan;
            } else if (kind == Kind.NUMBER) {
                numbers.putIfAbsent(key(number(v)), i);
            } else {
                strings.putIfAbsent((String) v, i);
            }
        }
        this.nanIndex = nan;
        this.noneIndex = none;
    }

    /** Reads {@code categories_[i]}: a numpy array (numbers, booleans, fixed-width strings) or an object array. */
    static Categories read(Node n, String where) throws ModelBuildException {
        List<Object> vals = PyObjects.scalars(n, where);
        if (n instanceof NdArrayNode a && a.array().dtype() instanceof DType.Scalar s
                && "biuf".indexOf(s.kind()) >= 0) {
            return new Categories(Kind.NUMBER, vals);
        }
        boolean anyString = false;
        boolean anyNumber = false;
        for (Object v : vals) {
            if (v instanceof String) {
                anyString = true;
            } else if (v instanceof Number || v instanceof Boolean) {
                if (!PyObjects.isNaN(v)) {
                    anyNumber = true;
                }
            } else if (v != null) {
                throw new ModelBuildException(where + ": unsupported category " + v);
            }
        }
        if (anyString && anyNumber) {
            throw new ModelBuildException(where + ": categories mixing strings and numbers are not supported "
                    + PyObjects.str(vals));
        }
        return new Categories(anyNumber ? Kind.NUMBER : Kind.STRING, vals);
    }

    int size() {
        return values.size();
    }

    Object value(int i) {
        return values.get(i);
    }

    /** The index of the last category when it is NaN ({@code _missing_indices} of OrdinalEncoder), else -1. */
    int trailingNaN() {
        return !values.isEmpty() && PyObjects.isNaN(values.get(values.size() - 1)) ? values.size() - 1 : -1;
    }

    private int missingIndex() {
        return nanIndex >= 0 ? nanIndex : noneIndex;
    }

    /** The category index of row {@code i} of {@code c}, or -1 when the value is unknown. */
    int code(Column c, int i) {
        if (c.isMissing(i)) {
            return missingIndex();
        }
        return switch (kind) {
            case NUMBER -> numberCode(c, i);
            case STRING -> stringCode(c, i);
        };
    }

    private int numberCode(Column c, int i) {
        double v;
        switch (c) {
            case Float64Column f -> v = f.values()[i];
            case Int64Column l -> v = l.values()[i];
            case BoolColumn b -> v = b.values()[i] ? 1 : 0;
            case StringColumn s -> {
                String t = s.values()[i].strip();
                if (Columns.MISSING_TOKENS.contains(t)) {
                    return missingIndex();
                }
                try {
                    v = Columns.parseNumber(t, "", i);
                } catch (RuntimeException e) {
                    return -1; // not a number: an unknown category
                }
            }
        }
        if (Double.isNaN(v)) {
            return missingIndex();
        }
        Integer idx = numbers.get(key(v));
        return idx == null ? -1 : idx;
    }

    private int stringCode(Column c, int i) {
        switch (c) {
            case StringColumn s -> {
                String t = s.values()[i];
                Integer idx = strings.get(t);
                if (idx != null) {
                    return idx;
                }
                return Columns.MISSING_TOKENS.contains(t.strip()) ? missingIndex() : -1;
            }
            case Int64Column l -> {
                Integer idx = strings.get(l.sourceText(i));
                if (idx == null) {
                    idx = strings.get(Long.toString(l.values()[i]));
                }
                return idx == null ? -1 : idx;
            }
            case Float64Column f -> {
                double v = f.values()[i];
                Integer idx = strings.get(f.sourceText(i));
                if (idx == null) {
                    idx = strings.get(f.text(i));
                }
                if (idx == null && v == Math.rint(v) && Math.abs(v) < 9.2e18) {
                    idx = strings.get(Long.toString((long) v));
                }
                return idx == null ? -1 : idx;
            }
            case BoolColumn b -> {
                Integer idx = strings.get(b.values()[i] ? "True" : "False");
                return idx == null ? -1 : idx;
            }
        }
    }

    /** How an input value reads in a message: quoted text, a number, or nan. */
    static String describe(Column c, int i) {
        if (c.isMissing(i)) {
            return "nan";
        }
        return c instanceof StringColumn ? "\"" + c.text(i) + "\"" : PyObjects.str(c.get(i));
    }

    /** The categories as Python would print them (at most {@code limit}). */
    String describe(int limit) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < values.size() && i < limit; i++) {
            shown.add(PyObjects.repr(values.get(i)));
        }
        if (values.size() > limit) {
            shown.add("... " + (values.size() - limit) + " more");
        }
        return "[" + String.join(", ", shown) + "]";
    }

    private static double number(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }

    private static Double key(double v) {
        return v == 0 ? 0.0 : v; // -0.0 == 0.0 in Python
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " categories " + describe(20);
    }
}
