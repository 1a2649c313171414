package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsEverySubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("up", "demo", "down", "status", "logs", "audit-verify", "sandbox-check",
                "control-eval");
    }

    @Test
    void aLauncherFailureIsOneReadableLineAndExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("logs", "--run-dir", "/nonexistent/alignlab-run", "nothing-here");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("no log /nonexistent/alignlab-run/logs/nothing-here.log");
    }

    /** "Could not run" (2) is told from "ran and was contained" (1); the real runs are tested in libs/sandbox. */
    @Test
    void sandboxCheckOfAMissingScriptExitsTwo(@TempDir Path runDir) {
        CommandLine cli = Main.commandLine();

        int exit = cli.execute("sandbox-check", "--run-dir", runDir.toString(),
                runDir.resolve("Missing.java").toString());

        assertThat(exit).isEqualTo(2);
    }
}
