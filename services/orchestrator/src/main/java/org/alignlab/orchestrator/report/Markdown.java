package org.alignlab.orchestrator.report;

/**
 * Text the report did not write itself — a researcher's question, an agent's policy and parameters, a reviewer's
 * rationale and flags, the metric names a run reported — made inert in Markdown: it stays on its line, shows as
 * written, and can open no HTML, link, image, code block, heading, list, table cell or emphasis of its own. What
 * the report writes itself (its headings, tables, links to its own plots and audit records) is not passed through
 * here.
 */
final class Markdown {

    private Markdown() {
    }

    /**
     * Inline text. HTML's {@code < > &} become entities (so raw HTML, autolinks and entity tricks are plain text in
     * every renderer); CommonMark's markup characters are backslash-escaped (links and images need {@code [ ] ( )},
     * code needs a backtick, tables a pipe); {@code ://}, {@code www.} and {@code @} are escaped too, so GFM's bare
     * URL and e-mail autolinks do not fire; and a leading {@code -}, {@code =} or {@code 1.} cannot start a block.
     */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String line = oneLine(raw).strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '!', '|', '~', '@' ->
                    out.append('\\').append(c);
                case ':' -> out.append(line.startsWith("//", i + 1) ? "\\:" : ":");
                case '.' -> out.append(afterWww(line, i) || onlyDigitsBefore(line, i) ? "\\." : ".");
                case '-', '=' -> out.append(i == 0 ? "\\" + c : String.valueOf(c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A code span holding {@code raw} exactly (on one line): fenced by more backticks than any run inside it, so no
     * backtick in the text can close it. In a table cell a pipe is escaped as well, which GFM undoes inside the span.
     */
    static String code(String raw, boolean inTableCell) {
        String line = oneLine(raw == null ? "" : raw);
        if (inTableCell) {
            line = line.replace("|", "\\|");
        }
        if (line.isBlank()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /** Line breaks and other control characters become spaces: free text never leaves the line it is put on. */
    static String oneLine(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean breaks = Character.isISOControl(cp) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT && cp != 0x200D;
            out.appendCodePoint(breaks ? ' ' : cp);
        });
        return out.toString();
    }

    private static boolean afterWww(String line, int dot) {
        return dot >= 3 && line.regionMatches(true, dot - 3, "www", 0, 3);
    }

    /** {@code 1.} at the start of a line would open an ordered list. */
    private static boolean onlyDigitsBefore(String line, int dot) {
        if (dot == 0 || dot > 9) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
