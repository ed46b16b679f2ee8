package dev.skiff.runtime.data;

import dev.skiff.runtime.ModelInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * CSV with a header row (RFC 4180 quoting) to and from frames. Each column is typed by its values as
 * pandas would: all integers → int64, all numbers → float64, all True/False → bool, else strings;
 * empty cells and NaN/NA/null are missing.
 */
public final class Csv {
    private Csv() {
    }

    public static Frame read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static Frame read(Reader in) throws IOException {
        CsvTokenizer t = new CsvTokenizer(in);
        List<String> header = t.next();
        if (header == null) {
            throw new ModelInputException("the CSV is empty (a header row is required)");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<List<String>> cells = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            cells.add(new ArrayList<>());
        }
        int row = 0;
        for (int line = t.line(); ; row++, line = t.line()) { // line: where the record starts
            List<String> r = t.next();
            if (r == null) {
                break;
            }
            if (r.size() == 1 && r.get(0).isEmpty() && header.size() > 1) {
                row--;
                continue; // blank line
            }
            if (r.size() != header.size()) {
                throw new ModelInputException("CSV row " + row + " (line " + line + ") has " + r.size()
                        + " values, the header has " + header.size());
            }
            for (int j = 0; j < r.size(); j++) {
                cells.get(j).add(r.get(j));
            }
        }
        List<Column> cols = new ArrayList<>(header.size());
        for (List<String> c : cells) {
            cols.add(infer(c));
        }
        return Frame.of(header, cols);
    }

    static Column infer(List<String> values) {
        int n = values.size();
        BitSet missing = new BitSet(n);
        boolean ints = true;
        boolean nums = true;
        boolean bools = true;
        for (int i = 0; i < n; i++) {
            String v = values.get(i).strip();
            if (Columns.MISSING_TOKENS.contains(v)) {
                missing.set(i);
                continue;
            }
            ints &= isLong(v);
            nums &= ints || isDouble(v);
            bools &= v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        }
        boolean anyValue = missing.cardinality() < n;
        if (anyValue && bools) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = !missing.get(i) && values.get(i).strip().equalsIgnoreCase("true");
            }
            return new BoolColumn(b, missing.isEmpty() ? null : missing);
        }
        if (anyValue && ints) {
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                l[i] = missing.get(i) ? 0 : Long.parseLong(values.get(i).strip());
            }
            if (!missing.isEmpty()) {
                return float64(values, missing);
            }
            Int64Column c = new Int64Column(l);
            return new Int64Column(l, null, source(values, c));
        }
        if (nums) {
            return float64(values, missing);
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = missing.get(i) ? null : values.get(i);
        }
        return new StringColumn(s);
    }

    /** Integers with gaps become floats with NaN, as in pandas. */
    private static Column float64(List<String> values, BitSet missing) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = missing.get(i) ? Double.NaN : Columns.parseNumber(values.get(i), "", i);
        }
        Float64Column c = new Float64Column(d);
        return new Float64Column(d, source(values, c));
    }

    /**
     * The cells whose text the number does not give back ({@code 02139}, {@code 1.50}), so that a string
     * category still matches them; null when every cell reads back as written (the usual case).
     */
    private static String[] source(List<String> values, Column parsed) {
        String[] src = null;
        boolean ints = parsed instanceof Int64Column;
        for (int i = 0; i < values.size(); i++) {
            if (parsed.isMissing(i)) {
                continue;
            }
            String v = values.get(i).strip();
            if (ints ? plainInteger(v) : plainDecimal(v, ((Float64Column) parsed).values()[i])) {
                continue; // reads back as written; no need to format the number to know
            }
            if (!v.equals(parsed.text(i))) {
                if (src == null) {
                    src = new String[values.size()];
                }
                src[i] = v;
            }
        }
        return src;
    }

    /** An integer without sign or leading zeros to lose: {@code Long.toString} gives it back. */
    private static boolean plainInteger(String v) {
        int s = v.startsWith("-") ? 1 : 0;
        return v.length() > s && v.charAt(0) != '+' && (v.charAt(s) != '0' || v.length() == 1);
    }

    /**
     * A decimal that Python's repr gives back as written: digits with a point, no exponent, no redundant
     * zeros, a magnitude where repr uses fixed notation (1e-4 to 1e16), and the shortest spelling of {@code d}:
     * certain up to 15 significant digits (two such decimals never round to one double), else the digits of
     * {@link Double#toString} (shortest, and nearest among the shortest, as repr).
     */
    private static boolean plainDecimal(String v, double d) {
        int s = v.startsWith("-") ? 1 : 0;
        int dot = v.indexOf('.');
        int n = v.length();
        if (dot <= s || dot == n - 1 || v.charAt(n - 1) == '0' || dot - s > 16
                || (dot - s > 1 && v.charAt(s) == '0')) {
            return false;
        }
        int significant = 0;
        int zerosAfterPoint = 0;
        for (int i = s; i < n; i++) {
            char c = v.charAt(i);
            if (i == dot) {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            if (significant == 0 && c == '0') {
                zerosAfterPoint += i > dot ? 1 : 0;
            } else {
                significant++;
            }
        }
        boolean belowOne = dot - s == 1 && v.charAt(s) == '0';
        if (significant > 17 || (belowOne && zerosAfterPoint > 3)) {
            return false;
        }
        return significant <= 15 || sameDigits(v, Double.toString(Math.abs(d)));
    }

    /**
     * Whether plain decimal {@code v} (no trailing zeros) has the significant digits of {@code shortest}, a
     * {@link Double#toString} result (maybe with an exponent and trailing zeros), compared without allocating.
     */
    private static boolean sameDigits(String v, String shortest) {
        int end = shortest.indexOf('E');
        if (end < 0) {
            end = shortest.length();
        }
        int a = 0;
        int b = 0;
        while (true) {
            a = nextSignificant(v, a, v.length(), a == 0);
            b = nextSignificant(shortest, b, end, b == 0);
            if (a >= v.length()) { // v's digits are done: the rest of shortest must be zeros
                for (; b < end; b++) {
                    char c = shortest.charAt(b);
                    if (c != '0' && c != '.') {
                        return false;
                    }
                }
                return true;
            }
            if (b >= end || v.charAt(a) != shortest.charAt(b)) {
                return false;
            }
            a++;
            b++;
        }
    }

    /** The index of the next digit at or after {@code i}, skipping the point, signs and, at the start, zeros. */
    private static int nextSignificant(String s, int i, int end, boolean leading) {
        boolean skipZeros = leading;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9' || (c == '0' && !skipZeros)) {
                return i;
            }
        }
        return end;
    }

    private static boolean isLong(String v) {
        if (v.isEmpty() || v.length() > 19) {
            return false;
        }
        int start = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (start == v.length()) {
            return false;
        }
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDouble(String v) {
        try {
            Columns.parseNumber(v, "", 0);
            return !(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
        } catch (ModelInputException e) {
            return false;
        }
    }

    /** Writes an output as CSV with a header ({@code prediction}, or one column per class / feature). */
    public static void write(Output out, List<String> header, Writer w) throws IOException {
        w.write(String.join(",", header.stream().map(Csv::quote).toList()));
        w.write('\n');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < out.rows(); i++) {
            line.setLength(0);
            switch (out) {
                case Column c -> line.append(quote(c.text(i)));
                case Matrix m -> {
                    for (int j = 0; j < m.cols(); j++) {
                        if (j > 0) {
                            line.append(',');
                        }
                        line.append(m.text(i, j));
                    }
                }
                case Frame f -> {
                    for (int j = 0; j < f.cols(); j++) {
                        if (j > 0) {
                            line.append(',');
                        }
                        line.append(quote(f.column(j).text(i)));
                    }
                }
            }
            line.append('\n');
            w.write(line.toString());
        }
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
