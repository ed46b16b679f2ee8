package dev.skiff.runtime.data;

import dev.skiff.runtime.ModelInputException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV into records: quoted fields, doubled quotes, CRLF or LF line ends. */
final class CsvTokenizer {
    private static final int MAX_FIELD = 1 << 20;
    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    CsvTokenizer(Reader in) {
        this.in = in;
    }

    int line() {
        return line;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    /** The next record, or null at the end. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int startLine = line;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new ModelInputException("CSV line " + startLine + ": a quoted field is not closed");
                }
                fields.add(f.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        f.append('"');
                    } else {
                        quoted = false;
                        peeked = d;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append((char) c);
                }
            } else if (c == '"' && f.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        peeked = d;
                    }
                }
                line++;
                fields.add(f.toString());
                return fields;
            } else {
                f.append((char) c);
            }
            if (f.length() > MAX_FIELD) {
                throw new ModelInputException("CSV line " + line + ": a field is longer than " + MAX_FIELD + " characters");
            }
            c = read();
        }
    }
}
