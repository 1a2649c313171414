package org.alignlab.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one piece of infrastructure in the foreground until the process is told to stop, for the launcher:
 * {@code kafka DIR PORT} or {@code postgres DIR PORT}. Prints {@code READY <address>} on stdout once it serves.
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: InfraMain kafka|postgres DIR PORT");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        AutoCloseable running;
        switch (args[0]) {
            case "kafka" -> {
                KafkaBroker broker = KafkaBroker.start(dir, port);
                TopicSetup.createAll(broker.bootstrapServers());
                System.out.println("READY " + broker.bootstrapServers());
                running = broker;
            }
            case "postgres" -> {
                PostgresServer postgres = PostgresServer.start(dir, port);
                System.out.println("READY " + postgres.jdbcUrl());
                running = postgres;
            }
            default -> throw new IllegalArgumentException("unknown component " + args[0]);
        }
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("shutdown failed: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
