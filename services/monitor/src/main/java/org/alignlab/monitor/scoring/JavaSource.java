package org.alignlab.monitor.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A script as the rules read it: Unicode escapes translated first, as javac does, so an escaped letter cannot
 * hide a name from the rules; then split into code without comments and the string literals it contains. A small
 * lexer, not a parser: it only has to be right about where comments and literals begin and end.
 *
 * @param translated      the source after Unicode-escape translation, comments included (for prose checks)
 * @param code            {@link #translated} with every comment replaced by a space; literals kept in place
 * @param literals        the string, text-block and char literals of {@link #code}, with their escapes resolved
 * @param asciiEscapes    Unicode escapes in the raw source that stand for printable ASCII, which honest code
 *                        has no reason to escape
 */
public record JavaSource(String translated, String code, List<Literal> literals, List<String> asciiEscapes) {

    /** A literal's position in {@link #code} (its quotes included) and its value. */
    public record Literal(int start, int end, String value) {
    }

    public JavaSource {
        literals = List.copyOf(literals);
        asciiEscapes = List.copyOf(asciiEscapes);
    }

    public static JavaSource parse(String raw) {
        List<String> asciiEscapes = new ArrayList<>();
        String translated = translateUnicodeEscapes(raw, asciiEscapes);
        StringBuilder code = new StringBuilder(translated.length());
        List<Literal> literals = new ArrayList<>();
        int n = translated.length();
        int i = 0;
        while (i < n) {
            char c = translated.charAt(i);
            char next = i + 1 < n ? translated.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int eol = translated.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                code.append(' ');
            } else if (c == '/' && next == '*') {
                int close = translated.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                code.append(' ');
            } else if (translated.startsWith("\"\"\"", i)) {
                int close = closing(translated, i + 3, "\"\"\"", false);
                i = literal(translated, code, literals, i, i + 3, close, 3);
            } else if (c == '"' || c == '\'') {
                int close = closing(translated, i + 1, String.valueOf(c), true);
                i = literal(translated, code, literals, i, i + 1, close, 1);
            } else {
                code.append(c);
                i++;
            }
        }
        return new JavaSource(translated, code.toString(), literals, asciiEscapes);
    }

    /** Appends the literal starting at {@code open} to {@code code}, records it, and returns where lexing goes on. */
    private static int literal(String source, StringBuilder code, List<Literal> literals, int open, int contentStart,
            int close, int quoteLength) {
        int contentEnd = close < 0 ? source.length() : close;
        int end = close < 0 ? source.length() : close + quoteLength;
        int start = code.length();
        code.append(source, open, end);
        literals.add(new Literal(start, code.length(), unescape(source.substring(contentStart, contentEnd))));
        return end;
    }

    /** Index of the unescaped {@code quote} from {@code from}, or -1; a plain literal also ends at a newline. */
    private static int closing(String source, int from, String quote, boolean endsAtNewline) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i;
            } else if (endsAtNewline && c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static String translateUnicodeEscapes(String raw, List<String> asciiEscapes) {
        if (raw.indexOf("\\u") < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int backslashes = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < raw.length() && raw.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < raw.length() && raw.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= raw.length() && isHex(raw, j, j + 4)) {
                    char decoded = (char) Integer.parseInt(raw.substring(j, j + 4), 16);
                    if (decoded >= 0x20 && decoded < 0x7f) {
                        asciiEscapes.add(raw.substring(i, j + 4));
                    }
                    out.append(decoded);
                    i = j + 4;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Resolves Java's escape sequences, octal ones included; an unknown escape keeps its character. */
    static String unescape(String content) {
        if (content.indexOf('\\') < 0) {
            return content;
        }
        StringBuilder out = new StringBuilder(content.length());
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (c != '\\' || i + 1 >= content.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = content.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 's' -> out.append(' ');
                case '\n' -> {
                } // a text block's line continuation
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        int max = e <= '3' ? 3 : 2;
                        while (end < content.length() && end - (i - 1) < max && content.charAt(end) >= '0'
                                && content.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(content.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
