package dev.skiff.format.npy;

/** Python's {@code repr()} for the few value types a {@code .npy} header contains. */
final class PyRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PyRepr() {
    }

    /** {@code repr(int_tuple)}: {@code ()}, {@code (3,)}, {@code (1, 2)}. */
    static String tuple(long[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }

    /**
     * {@code repr(str)}: single quotes unless the text contains {@code '} and no {@code "}; backslash, the quote,
     * tab, newline and carriage return escaped; other non-printable code points as {@code \xNN}, {@code \}{@code uNNNN}
     * or {@code \UNNNNNNNN}.
     */
    static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                hex(sb, 'x', cp, 2);
            } else if (cp < 0x7f) {
                sb.append((char) cp);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(sb, 'x', cp, 2);
            } else if (cp <= 0xffff) {
                hex(sb, 'u', cp, 4);
            } else {
                hex(sb, 'U', cp, 8);
            }
        });
        return sb.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one non-ASCII code point. */
    static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void hex(StringBuilder sb, char marker, int cp, int digits) {
        sb.append('\\').append(marker);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            sb.append(HEX[(cp >>> shift) & 0xf]);
        }
    }
}
