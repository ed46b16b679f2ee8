package dev.skiff.card.markdown;

/** Line break handling shared by parsing and rendering. */
public final class LineBreaks {
    private LineBreaks() {
    }

    /**
     * huggingface_hub's {@code _detect_line_ending} (which copies the Hub's): {@code \r\n} when every break is
     * one, else {@code \r} when carriage returns outnumber line feeds, else {@code \n}; null when there is none.
     */
    public static String detect(String text) {
        int cr = 0;
        int lf = 0;
        int crlf = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                cr++;
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (cr + lf == 0) {
            return null;
        }
        if (crlf == cr && crlf == lf) {
            return "\r\n";
        }
        return cr > lf ? "\r" : "\n";
    }

    /** {@code text} with every {@code \r\n} and lone {@code \r} turned into {@code \n}. */
    public static String normalize(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code text} (with {@code \n} breaks) using {@code lineBreak} instead. */
    public static String apply(String text, String lineBreak) {
        return lineBreak.equals("\n") ? text : text.replace("\n", lineBreak);
    }

    /** How many line breaks ({@code \n}, {@code \r\n} or {@code \r}) end {@code sb}. */
    public static int trailing(CharSequence sb) {
        int n = 0;
        int i = sb.length() - 1;
        while (i >= 0) {
            char c = sb.charAt(i);
            if (c == '\n') {
                n++;
                i -= (i > 0 && sb.charAt(i - 1) == '\r') ? 2 : 1;
            } else if (c == '\r') {
                n++;
                i--;
            } else {
                break;
            }
        }
        return n;
    }

    /** How many line breaks start {@code s}. */
    public static int leading(CharSequence s) {
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r') {
                n++;
                i += (i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
            } else if (c == '\n') {
                n++;
                i++;
            } else {
                break;
            }
        }
        return n;
    }
}
