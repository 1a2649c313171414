package org.alignlab.launcher.cmd;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops every service, Kafka and PostgreSQL of this run directory.")
public class DownCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Option(names = "--purge", description = "Also delete data/ (the broker's log and the database).")
    boolean purge;

    @Override
    public Integer call() throws Exception {
        runDir.stack().down(purge);
        return 0;
    }
}
