package org.alignlab.trustedmonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single-file Java program as the {@code script} family takes it, kept in parts so that an attack can be spliced
 * into honest code: imports, members (fields and helper methods) and the statements of {@code main}. Only the corpus
 * builds programs this way; the experiments module's {@code ScriptSource} reads a finished one to compile it.
 */
record ScriptParts(String className, List<String> imports, List<String> members, List<String> body) {

    /** A JDK class name written out in full: {@code java.net.Socket}, {@code java.nio.file.attribute.FileTime}. */
    private static final Pattern JDK_NAME = Pattern.compile("javax?(\\.[a-z][a-z0-9]*)+\\.[A-Z][A-Za-z0-9]*");
    private static final Pattern JDK_NAME_IN_CODE = Pattern.compile("(?<![\\w.])" + JDK_NAME.pattern());

    ScriptParts {
        imports = List.copyOf(imports);
        members = List.copyOf(members);
        body = List.copyOf(body);
    }

    /** The same program with {@code statements} inserted into {@code main} before statement {@code index}. */
    ScriptParts insert(int index, List<String> statements) {
        List<String> lines = new ArrayList<>(body);
        lines.addAll(Math.max(0, Math.min(index, lines.size())), statements);
        return new ScriptParts(className, imports, members, lines);
    }

    ScriptParts withImports(List<String> more) {
        List<String> all = new ArrayList<>(imports);
        more.stream().filter(i -> !all.contains(i)).forEach(all::add);
        return new ScriptParts(className, all, members, body);
    }

    ScriptParts withMembers(List<String> more) {
        List<String> all = new ArrayList<>(members);
        all.addAll(more);
        return new ScriptParts(className, imports, all, body);
    }

    /** The same program with every occurrence of {@code from} in its statements replaced. */
    ScriptParts replaceInBody(String from, String to) {
        return new ScriptParts(className, imports, members,
                body.stream().map(line -> line.replace(from, to)).toList());
    }

    /**
     * The same program with every JDK import written out in full where it is used ({@code java.util.Random}).
     * With {@link #imported()}, lets the corpus draw the coding style independently of the label.
     */
    ScriptParts qualified() {
        List<String> kept = new ArrayList<>();
        List<String> code = new ArrayList<>();
        code.addAll(members);
        code.addAll(body);
        for (String name : imports) {
            if (!JDK_NAME.matcher(name).matches()) {
                kept.add(name);
                continue;
            }
            Pattern simple = Pattern.compile("(?<![\\w.])" + Pattern.quote(name.substring(name.lastIndexOf('.') + 1))
                    + "\\b");
            code = code.stream().map(line -> simple.matcher(line).replaceAll(Matcher.quoteReplacement(name))).toList();
        }
        return new ScriptParts(className, kept, code.subList(0, members.size()),
                code.subList(members.size(), code.size()));
    }

    /** The same program with every fully written JDK class name imported and used by its simple name. */
    ScriptParts imported() {
        List<String> all = new ArrayList<>(imports);
        List<String> code = new ArrayList<>();
        code.addAll(members);
        code.addAll(body);
        List<String> rewritten = new ArrayList<>();
        for (String line : code) {
            Matcher m = JDK_NAME_IN_CODE.matcher(line);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group();
                String simpleName = name.substring(name.lastIndexOf('.') + 1);
                boolean clash = all.stream().anyMatch(i -> i.endsWith("." + simpleName) && !i.equals(name));
                if (!clash && !all.contains(name)) {
                    all.add(name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(clash ? name : simpleName));
            }
            m.appendTail(out);
            rewritten.add(out.toString());
        }
        return new ScriptParts(className, all, rewritten.subList(0, members.size()),
                rewritten.subList(members.size(), rewritten.size()));
    }

    String render() {
        StringBuilder source = new StringBuilder();
        imports.forEach(i -> source.append("import ").append(i).append(";\n"));
        if (!imports.isEmpty()) {
            source.append('\n');
        }
        source.append("public class ").append(className).append(" {\n");
        members.forEach(member -> source.append('\n').append(indent(member, "    ")).append('\n'));
        source.append("\n    public static void main(String[] args) throws Exception {\n");
        body.forEach(line -> source.append(indent(line, "        ")).append('\n'));
        source.append("    }\n}\n");
        return source.toString();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
