package dev.skiff.card.meta;

import dev.skiff.card.yaml.PyTime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Helpers over YAML-shaped values (maps, lists, sets, scalars): copies, ordered equality, names, JSON form. */
public final class Values {
    private Values() {
    }

    /** A deep, mutable copy (maps stay ordered). */
    public static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(deepCopy(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(deepCopy(x));
            }
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object x : s) {
                out.add(deepCopy(x));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }

    /** Equality that also compares map order, and types of numbers (1 is not 1.0, as in YAML output). */
    public static boolean sameValue(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> ix = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> iy = y.entrySet().iterator();
            while (ix.hasNext()) {
                Map.Entry<?, ?> ex = ix.next();
                Map.Entry<?, ?> ey = iy.next();
                if (!sameValue(ex.getKey(), ey.getKey()) || !sameValue(ex.getValue(), ey.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a != null && b != null && a.getClass() != b.getClass()) {
            return false;
        }
        return Objects.equals(a, b);
    }

    /** How a message names the type of a YAML value: "a string", "a list", "the boolean false". */
    public static String typeName(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "a string";
            case Boolean b -> "the boolean " + b;
            case Integer i -> "a number";
            case Long l -> "a number";
            case BigInteger b -> "a number";
            case Double d -> "a number";
            case Float f -> "a number";
            case BigDecimal b -> "a number";
            case LocalDate d -> "a date";
            case LocalDateTime t -> "a date and time";
            case OffsetDateTime t -> "a date and time";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case Set<?> s -> "a set";
            case byte[] b -> "binary data";
            default -> v.getClass().getSimpleName();
        };
    }

    /**
     * The value as JSON-ready Java (what the Hub's API shows as {@code cardData}): maps with string keys, lists,
     * strings, numbers, booleans and nulls. Dates become their YAML text, binary base64, sets lists, NaN and the
     * infinities null (JSON has none).
     */
    public static Object toJsonCompatible(Object v) {
        return switch (v) {
            case null -> null;
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(k instanceof String s ? s : String.valueOf(toJsonCompatible(k)),
                        toJsonCompatible(x)));
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(toJsonCompatible(x)));
                yield out;
            }
            case Set<?> s -> {
                List<Object> out = new ArrayList<>();
                s.forEach(x -> out.add(toJsonCompatible(x)));
                yield out;
            }
            case Double d -> d.isNaN() || d.isInfinite() ? null : d;
            case Float f -> f.isNaN() || f.isInfinite() ? null : f;
            case LocalDate d -> d.toString();
            case LocalDateTime t -> PyTime.isoformat(t);
            case OffsetDateTime t -> PyTime.isoformat(t);
            case byte[] b -> Base64.getEncoder().encodeToString(b);
            default -> v;
        };
    }
}
