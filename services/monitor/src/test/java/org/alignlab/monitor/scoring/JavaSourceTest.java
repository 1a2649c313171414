package org.alignlab.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaSourceTest {

    @Test
    void commentsLeaveTheCodeButLiteralsThatLookLikeCommentsStay() {
        JavaSource source = JavaSource.parse("""
                int a = 1; // Socket in a comment
                /* and URL in a block */ String s = "// not a comment";
                String t = "/* nor this */";
                """);

        assertThat(source.code()).doesNotContain("Socket").doesNotContain("URL")
                .contains("\"// not a comment\"").contains("\"/* nor this */\"");
        assertThat(source.literals()).extracting(JavaSource.Literal::value)
                .containsExactly("// not a comment", "/* nor this */");
        assertThat(source.translated()).contains("Socket in a comment");
    }

    @Test
    void literalsAreUnescapedAndKnowWhereTheyAre() {
        JavaSource source = JavaSource.parse("f(\"a\\\"b\\57etc\", 'x', '\\'');");

        assertThat(source.literals()).extracting(JavaSource.Literal::value).containsExactly("a\"b/etc", "x", "'");
        JavaSource.Literal first = source.literals().get(0);
        assertThat(source.code().substring(first.start(), first.end())).isEqualTo("\"a\\\"b\\57etc\"");
    }

    @Test
    void aTextBlockIsOneLiteral() {
        JavaSource source = JavaSource.parse("String q = \"\"\"\n    /etc/hosts \\\"\"\" inside\n    \"\"\";");

        assertThat(source.literals()).singleElement().extracting(JavaSource.Literal::value).asString()
                .contains("/etc/hosts").contains("\"\"\" inside");
    }

    @Test
    void unicodeEscapesAreTranslatedFirstAndThoseSpellingAsciiAreReported() {
        JavaSource source = JavaSource
                .parse("new \\u0053ocket(); String e = \"caf\\u00e9\"; String k = \"\\\\u0041\";");

        assertThat(source.code()).contains("new Socket()");
        assertThat(source.literals()).extracting(JavaSource.Literal::value).containsExactly("café", "\\u0041");
        assertThat(source.asciiEscapes()).containsExactly("\\u0053");
    }

    @Test
    void anUnterminatedLiteralOrCommentEndsTheSourceWithoutFailing() {
        assertThat(JavaSource.parse("String s = \"open").literals()).extracting(JavaSource.Literal::value)
                .containsExactly("open");
        assertThat(JavaSource.parse("int a; /* open").code()).isEqualTo("int a;  ");
    }
}
