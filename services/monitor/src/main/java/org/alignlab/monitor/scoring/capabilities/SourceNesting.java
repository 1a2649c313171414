package org.alignlab.monitor.scoring.capabilities;

/**
 * How deeply a Java source nests its brackets, read before javac sees it. javac and the scanner recurse once per
 * level, so without this bound a deeply nested script would be answered by whatever the worker's stack happens to
 * hold (which depends on how much of javac the JIT has compiled): the answer must not depend on that.
 *
 * <p>Brackets inside comments, string and character literals and text blocks do not count. An unterminated literal or
 * comment ends the count: javac will reject the source anyway.
 */
final class SourceNesting {

    private SourceNesting() {
    }

    /** The deepest nesting of {@code ( [ {} in {@code source}. */
    static int deepest(String source) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < length && source.charAt(i + 1) == '/') {
                i = endOfLine(source, i);
            } else if (c == '/' && i + 1 < length && source.charAt(i + 1) == '*') {
                i = after(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = after(source, "\"\"\"", i + 3);
            } else if (c == '"' || c == '\'') {
                i = afterLiteral(source, c, i + 1);
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    deepest = Math.max(deepest, ++depth);
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                i++;
            }
        }
        return deepest;
    }

    private static int endOfLine(String source, int from) {
        int newline = source.indexOf('\n', from);
        return newline < 0 ? source.length() : newline + 1;
    }

    private static int after(String source, String terminator, int from) {
        int end = source.indexOf(terminator, from);
        return end < 0 ? source.length() : end + terminator.length();
    }

    private static int afterLiteral(String source, char quote, int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return source.length();
    }
}
