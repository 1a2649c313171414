package org.alignlab.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one piece of infrastructure in the foreground until the process is told to stop, for the launcher:
 * {@code kafka DIR PORT CREDENTIALS} or {@code postgres DIR PORT CREDENTIALS}, where CREDENTIALS is the
 * password file ({@link KafkaCredentials}, {@link DatabaseCredentials}) the launcher wrote. Prints
 * {@code READY <address>} on stdout once it serves, with every user and role in place.
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: InfraMain kafka|postgres DIR PORT CREDENTIALS_FILE");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        Path credentials = Path.of(args[3]);
        AutoCloseable running;
        switch (args[0]) {
            case "kafka" -> {
                KafkaBroker broker = KafkaBroker.start(dir, port, KafkaCredentials.load(credentials));
                TopicSetup.createAll(broker.adminAccess());
                System.out.println("READY " + broker.bootstrapServers());
                running = broker;
            }
            case "postgres" -> {
                PostgresServer postgres = PostgresServer.start(dir, port, DatabaseCredentials.load(credentials));
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
