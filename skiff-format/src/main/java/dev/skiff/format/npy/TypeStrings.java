package dev.skiff.format.npy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and validation of numpy type strings ({@code dtype.str}) such as {@code <f8} or {@code <M8[ns]}. */
final class TypeStrings {

    private static final Pattern TYPESTR = Pattern.compile("([<>|=]?)([A-Za-z])(\\d{1,9})(?:\\[([^\\]]*)])?");
    private static final Pattern UNIT = Pattern.compile("\\d{0,9}(?:Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as)");

    private TypeStrings() {
    }

    static DType.Scalar parse(String typestr) {
        if (typestr == null) {
            throw new IllegalArgumentException("dtype string is null");
        }
        Matcher m = TYPESTR.matcher(typestr);
        if (!m.matches()) {
            if (typestr.matches("[<>|=]?O\\d*")) {
                throw objectRejected(typestr);
            }
            throw new IllegalArgumentException("unknown descr " + PyRepr.str(typestr)
                    + ": expected a numpy type string like '<f8', '|b1', '<U5' or '<M8[ns]'");
        }
        char order = m.group(1).isEmpty() ? '<' : m.group(1).charAt(0);
        char kind = m.group(2).charAt(0);
        if (kind == 'O') {
            throw objectRejected(typestr);
        }
        int n = Integer.parseInt(m.group(3));
        String unit = m.group(4) == null ? "" : m.group(4).replace('\u03bc', 'u');
        if (m.group(4) != null && kind != 'M' && kind != 'm') {
            throw new IllegalArgumentException("unknown descr " + PyRepr.str(typestr) + ": only M8/m8 take a unit");
        }
        if (unit.equals("generic")) {
            unit = "";
        }
        if (kind == 'U') {
            if (n > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException("unknown descr " + PyRepr.str(typestr) + ": too many characters");
            }
            n *= 4;
        }
        try {
            return new DType.Scalar(order, kind, n, unit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown descr " + PyRepr.str(typestr) + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException objectRejected(String typestr) {
        return new IllegalArgumentException("object arrays (pickled) are not allowed: descr " + PyRepr.str(typestr));
    }

    static void checkKindAndSize(char kind, int size) {
        boolean ok = switch (kind) {
            case 'b' -> size == 1;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'f' -> size == 2 || size == 4 || size == 8 || size == 12 || size == 16;
            case 'c' -> size == 8 || size == 16 || size == 24 || size == 32;
            case 'M', 'm' -> size == 8;
            case 'U' -> size >= 0 && size % 4 == 0;
            case 'S', 'V' -> size >= 0;
            case 'O' -> throw new IllegalArgumentException("object arrays (pickled) are not allowed");
            default -> throw new IllegalArgumentException("unsupported dtype kind '" + kind + "'");
        };
        if (!ok) {
            throw new IllegalArgumentException("invalid item size " + size + " for dtype kind '" + kind + "'");
        }
    }

    static void checkUnit(String unit) {
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("unknown datetime unit '" + unit + "'");
        }
    }

    /** numpy writes {@code |} for types whose byte order is irrelevant and {@code <}/{@code >} for all others. */
    static char normaliseByteOrder(char order, char kind, int size) {
        if (order != '<' && order != '>' && order != '|' && order != '=') {
            throw new IllegalArgumentException("invalid byte order '" + order + "'");
        }
        boolean orderFree = kind == 'b' || kind == 'S' || kind == 'V' || ((kind == 'i' || kind == 'u') && size == 1);
        if (orderFree) {
            return '|';
        }
        return order == '>' ? '>' : '<';
    }
}
