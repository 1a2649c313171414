package org.alignlab.monitor.scoring.capabilities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceNestingTest {

    @Test
    void countsTheDeepestOfAllThreeKindsOfBracket() {
        assertThat(SourceNesting.deepest("class A { void f() { int[] a = new int[(1 + 2)]; } }")).isEqualTo(4);
        assertThat(SourceNesting.deepest("a(b)(c)(d)")).isEqualTo(1);
    }

    @Test
    void bracketsInCommentsAndLiteralsDoNotCount() {
        String source = """
                class A { // ((((((
                    /* [[[[[[ */ String s = "((((\\"((((";
                    char c = '(';
                    String t = \"""
                        {{{{{{
                        \""";
                }
                """;

        assertThat(SourceNesting.deepest(source)).isEqualTo(1);
    }

    @Test
    void anUnterminatedLiteralEndsTheCount() {
        assertThat(SourceNesting.deepest("f(\"(((((")).isEqualTo(1);
        assertThat(SourceNesting.deepest("f(/* ((((")).isEqualTo(1);
    }
}
