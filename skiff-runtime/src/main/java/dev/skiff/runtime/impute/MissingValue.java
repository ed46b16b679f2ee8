package dev.skiff.runtime.impute;

import dev.skiff.format.json.PyValues;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.encode.PyObjects;

/**
 * An imputer's {@code missing_values}: NaN (also None, which a CSV or JSON input cannot tell apart from
 * NaN), a number such as -1, or a string such as "?". A cell is compared by the type of the missing value:
 * a number matches a numeric cell of equal value or a text cell that parses to it; a string matches a text
 * cell, or a number whose text it is.
 */
final class MissingValue {
    private final boolean nan;
    private final double number;
    private final String text;

    private MissingValue(boolean nan, double number, String text) {
        this.nan = nan;
        this.number = number;
        this.text = text;
    }

    static MissingValue read(Attrs a) throws ModelBuildException {
        if (!a.has("missing_values")) {
            return new MissingValue(true, Double.NaN, null);
        }
        Object v;
        try {
            v = PyObjects.scalar(a.node("missing_values"), a.pathOf("missing_values"));
        } catch (ModelBuildException e) {
            throw a.error("missing_values", "is not supported (" + a.node("missing_values").typeName()
                    + "); expected NaN, None, a number or a string");
        }
        return switch (v) {
            case null -> new MissingValue(true, Double.NaN, null);
            case Double d when Double.isNaN(d) -> new MissingValue(true, Double.NaN, null);
            case Number x -> new MissingValue(false, x.doubleValue(), null);
            case Boolean b -> new MissingValue(false, b ? 1 : 0, null);
            case String s -> new MissingValue(false, Double.NaN, s);
            default -> throw a.error("missing_values", "is " + v + ", expected NaN, None, a number or a string");
        };
    }

    /** True when the missing value is NaN/None (missing cells are the ones to impute). */
    boolean isNaN() {
        return nan;
    }

    boolean isString() {
        return text != null;
    }

    /** On a number (float semantics). */
    boolean matches(double v) {
        if (nan) {
            return Double.isNaN(v);
        }
        return text == null && v == number;
    }

    /** On row {@code i} of a typed column. */
    boolean matches(Column c, int i) {
        if (nan) {
            if (c.isMissing(i)) {
                return true;
            }
            return c instanceof StringColumn s && Columns.MISSING_TOKENS.contains(s.values()[i].strip());
        }
        if (c.isMissing(i)) {
            return false; // NaN == x is False
        }
        if (text != null) {
            return switch (c) {
                case StringColumn s -> text.equals(s.values()[i]);
                case Int64Column l -> text.equals(Long.toString(l.values()[i]));
                case Float64Column f -> text.equals(PyValues.floatRepr(f.values()[i]));
                case BoolColumn b -> text.equals(b.values()[i] ? "True" : "False");
            };
        }
        return switch (c) {
            case Float64Column f -> f.values()[i] == number;
            case Int64Column l -> l.values()[i] == number;
            case BoolColumn b -> (b.values()[i] ? 1 : 0) == number;
            case StringColumn s -> {
                try {
                    yield Columns.parseNumber(s.values()[i], "", i) == number;
                } catch (RuntimeException e) {
                    yield false;
                }
            }
        };
    }

    @Override
    public String toString() {
        return nan ? "nan" : text != null ? "'" + text + "'" : PyValues.floatRepr(number);
    }
}
