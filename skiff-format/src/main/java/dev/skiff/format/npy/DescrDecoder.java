package dev.skiff.format.npy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Turns the parsed {@code 'descr'} value of a header into a {@link DType}. */
final class DescrDecoder {

    private DescrDecoder() {
    }

    static DType decode(Object descr) throws NpyFormatException {
        if (descr instanceof String s) {
            try {
                return DType.parse(s);
            } catch (IllegalArgumentException e) {
                throw new NpyFormatException(e.getMessage(), e);
            }
        }
        if (descr instanceof List<?> list) {
            return structured(list);
        }
        throw new NpyFormatException("descr is not a type string or a list of fields: " + describe(descr));
    }

    private static DType.Structured structured(List<?> list) throws NpyFormatException {
        List<DType.Field> fields = new ArrayList<>(list.size());
        for (Object item : list) {
            fields.add(field(item));
        }
        try {
            return new DType.Structured(fields);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException("invalid structured descr: " + e.getMessage(), e);
        }
    }

    private static DType.Field field(Object item) throws NpyFormatException {
        if (!(item instanceof PyLiteral.Tuple t) || t.items().size() < 2 || t.items().size() > 3) {
            throw new NpyFormatException("structured descr entry is not a (name, type[, shape]) tuple: "
                    + describe(item));
        }
        Object name = t.items().get(0);
        if (name instanceof PyLiteral.Tuple) {
            throw new NpyFormatException("field titles are not supported: " + describe(name));
        }
        if (!(name instanceof String n)) {
            throw new NpyFormatException("field name is not a string: " + describe(name));
        }
        Object type = t.items().get(1);
        if (!(type instanceof String) && !(type instanceof List)) {
            throw new NpyFormatException("type of field " + PyRepr.str(n) + " is not a type string or a list: "
                    + describe(type));
        }
        DType dtype = decode(type);
        long[] subShape = t.items().size() == 3 ? subShape(n, t.items().get(2)) : new long[0];
        try {
            return new DType.Field(n, dtype, subShape);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException("invalid field " + PyRepr.str(n) + ": " + e.getMessage(), e);
        }
    }

    private static long[] subShape(String name, Object shape) throws NpyFormatException {
        if (!(shape instanceof PyLiteral.Tuple t)) {
            throw new NpyFormatException("shape of field " + PyRepr.str(name) + " is not a tuple: "
                    + describe(shape));
        }
        long[] dims = new long[t.items().size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(t.items().get(i) instanceof BigInteger d) || d.signum() < 0 || d.bitLength() > 31) {
                throw new NpyFormatException("shape of field " + PyRepr.str(name)
                        + " has an invalid dimension: " + describe(t.items().get(i)));
            }
            dims[i] = d.longValue();
        }
        return dims;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return PyRepr.str(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
