package org.alignlab.launcher.cmd;

import org.alignlab.auditverifier.AuditVerifyCommand;
import picocli.CommandLine.Command;

/** The top-level command: only groups the subcommands. */
@Command(name = "alignlab", mixinStandardHelpOptions = true, version = "alignlab 0.1.0-SNAPSHOT",
        description = "Runs AlignLab on this machine: Kafka, PostgreSQL and every service.",
        subcommands = {UpCommand.class, DemoCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class,
                AuditVerifyCommand.class, SandboxCheckCommand.class, ControlEvalCommand.class, GoalCommand.class})
public class AlignLabCommand {
}
