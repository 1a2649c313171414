package org.alignlab.trustedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptPartsTest {

    private final ScriptParts source = new ScriptParts("Main", List.of("java.util.Random"), List.of(),
            List.of("Random rng = new Random(1);", "var s = new java.net.Socket(\"h\", 80);"));

    @Test
    void rendersAProgramWithItsImportsAndMain() {
        assertThat(source.render()).startsWith("import java.util.Random;\n\npublic class Main {")
                .contains("    public static void main(String[] args) throws Exception {\n"
                        + "        Random rng = new Random(1);\n");
    }

    @Test
    void qualifiedWritesImportedJdkNamesInFull() {
        ScriptParts qualified = source.qualified();

        assertThat(qualified.imports()).isEmpty();
        assertThat(qualified.body()).containsExactly("java.util.Random rng = new java.util.Random(1);",
                "var s = new java.net.Socket(\"h\", 80);");
    }

    @Test
    void importedUsesSimpleNamesForEveryJdkClass() {
        ScriptParts imported = source.imported();

        assertThat(imported.imports()).containsExactly("java.util.Random", "java.net.Socket");
        assertThat(imported.body()).containsExactly("Random rng = new Random(1);", "var s = new Socket(\"h\", 80);");
    }

    @Test
    void insertSplicesStatementsIntoMain() {
        assertThat(source.insert(1, List.of("int x = 2;")).body())
                .containsExactly("Random rng = new Random(1);", "int x = 2;",
                        "var s = new java.net.Socket(\"h\", 80);");
    }
}
