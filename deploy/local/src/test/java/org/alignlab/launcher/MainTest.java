package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsEverySubcommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("up", "demo", "down", "status", "logs");
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
}
