package org.alignlab.contracts.json;

import java.util.Optional;
import org.alignlab.contracts.problem.InvalidRequestException;

/**
 * The one rule for text AlignLab accepts, stores, hashes or shows: no control character (C0, DEL, C1: NUL above
 * all, which PostgreSQL refuses in text and jsonb), except line breaks and tabs where a field is multi-line, and no
 * unpaired surrogate (which UTF-8 cannot encode, so a stored copy would silently differ from the hashed one). The
 * schemas' {@code text} and {@code multilineText} definitions say the same (decision 0012).
 *
 * <p>Lengths are counted in code points, as JSON Schema's {@code maxLength} counts them.
 *
 * <p>For a request body field: {@code SafeText.requireSafe("question", body.question(), 4000, true)} answers a
 * violation with an {@link InvalidRequestException} naming the field, which every service maps to a 400. For text
 * from outside that must be kept whatever it holds (a workload's output, an exception's message):
 * {@link #sanitize}.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * What is wrong with {@code value} as text, or empty when nothing is (a null value included).
     *
     * @param multiline whether line feeds, carriage returns and tabs are allowed
     */
    public static Optional<String> problem(String value, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(multiline && isLineBreakOrTab(c))) {
                return Optional.of("contains the control character " + codePoint(c)
                        + (isLineBreakOrTab(c) ? " (a line break or tab, allowed only in multi-line text)" : ""));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains the unpaired surrogate " + codePoint(c));
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code value} as text of at most {@code maxLength} code points, or empty when nothing is.
     */
    public static Optional<String> problem(String value, int maxLength, boolean multiline) {
        if (value != null && value.length() > maxLength && value.codePointCount(0, value.length()) > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        return problem(value, multiline);
    }

    /**
     * Checks one field of a request; a null value passes (whether a field is required is Bean Validation's to say).
     *
     * @return {@code value}
     * @throws InvalidRequestException naming {@code field}, when the value is too long or holds a forbidden character
     */
    public static String requireSafe(String field, String value, int maxLength, boolean multiline) {
        Optional<String> problem = problem(value, maxLength, multiline);
        if (problem.isPresent()) {
            throw new InvalidRequestException(field, problem.get());
        }
        return value;
    }

    /**
     * {@code value} made safe to store, hash and show, however hostile: each forbidden character written as a visible
     * escape ({@code \u0000}, and {@code \n} where a line break is not allowed), then cut to {@code maxLength} code
     * points ending in {@code …} when longer. The result always passes {@link #problem(String, int, boolean)}.
     *
     * @param maxLength at least 1
     */
    public static String sanitize(String value, int maxLength, boolean multiline) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1");
        }
        if (value == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), maxLength) + 16);
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String piece;
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                piece = value.substring(i, i + 2);
                i++;
            } else if (Character.isSurrogate(c) || (isControl(c) && !(multiline && isLineBreakOrTab(c)))) {
                piece = escape(c);
            } else {
                piece = String.valueOf(c);
            }
            int pieceLength = piece.codePointCount(0, piece.length());
            if (codePoints + pieceLength > maxLength) {
                return cut(safe, codePoints, maxLength);
            }
            safe.append(piece);
            codePoints += pieceLength;
        }
        return safe.toString();
    }

    /** Whether {@code c} is a control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). */
    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    static boolean isLineBreakOrTab(char c) {
        return c == '\n' || c == '\r' || c == '\t';
    }

    /** {@code U+0000}, the form every message uses to name a character it must not print. */
    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    /** Ends the text with an ellipsis inside the limit, never splitting a surrogate pair. */
    private static String cut(StringBuilder safe, int codePoints, int maxLength) {
        int keep = maxLength - 1;
        int drop = codePoints - keep;
        int end = safe.length();
        for (int i = 0; i < drop; i++) {
            end = safe.offsetByCodePoints(end, -1);
        }
        safe.setLength(end);
        return safe.append('…').toString();
    }
}
