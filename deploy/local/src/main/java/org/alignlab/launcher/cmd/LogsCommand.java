package org.alignlab.launcher.cmd;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.alignlab.launcher.HealthWaiter;
import org.alignlab.launcher.LauncherException;
import org.alignlab.launcher.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Prints the end of one component's log (postgres, kafka, a service, djl-warmup) or of all.")
public class LogsCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Parameters(arity = "0..1", paramLabel = "COMPONENT", description = "e.g. monitor; all logs when left out.")
    String component;

    @Option(names = "-n", paramLabel = "LINES", defaultValue = "50",
            description = "Lines per log (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended to the one log named.")
    boolean follow;

    @Override
    public Integer call() throws IOException {
        StackOptions options = runDir.options();
        PrintStream out = options.out();
        Path logs = options.runDir().logs();
        if (component != null) {
            Path log = options.runDir().log(component);
            if (!Files.exists(log)) {
                throw new LauncherException("no log " + log);
            }
            HealthWaiter.tail(log, lines).forEach(out::println);
            if (follow) {
                follow(log, out);
            }
            return 0;
        }
        if (follow) {
            throw new LauncherException("-f follows one log: name a component");
        }
        if (!Files.isDirectory(logs)) {
            throw new LauncherException("no logs in " + logs + " yet");
        }
        List<Path> files;
        try (Stream<Path> all = Files.list(logs)) {
            files = all.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        for (Path log : files) {
            out.println("==> " + log.getFileName() + " <==");
            HealthWaiter.tail(log, lines).forEach(out::println);
        }
        return 0;
    }

    private static void follow(Path log, PrintStream out) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                long length = file.length();
                if (length < position) {
                    position = 0; // truncated: the component was restarted
                }
                if (length > position) {
                    byte[] chunk = new byte[(int) Math.min(length - position, 1 << 20)];
                    file.seek(position);
                    file.readFully(chunk);
                    position += chunk.length;
                    out.print(new String(chunk, StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }
}
