package org.alignlab.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The users of one local server and their passwords, one of them its superuser, kept in a properties file that only
 * its owner can read (mode 0600), written whole by an atomic rename so a reader never sees half of it.
 *
 * @param superuser the user who creates the others (and whom harnesses act as when they play an attacker)
 */
public record Passwords(String superuser, Map<String, String> passwords) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Passwords {
        if (!passwords.containsKey(superuser)) {
            throw new IllegalArgumentException("no password for " + superuser);
        }
        passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords for {@code superuser} and each of {@code users}. */
    public static Passwords generate(String superuser, Collection<String> users) {
        Map<String, String> passwords = new TreeMap<>();
        withSuperuser(superuser, users).forEach(user -> passwords.put(user, newPassword()));
        return new Passwords(superuser, passwords);
    }

    /**
     * The passwords kept in {@code file}, with one generated for each of {@code users} (and the superuser) it
     * lacks; the file is created on first use.
     */
    public static Passwords loadOrCreate(Path file, String superuser, Collection<String> users, String comment)
            throws IOException {
        Map<String, String> passwords = Files.exists(file) ? read(file) : new TreeMap<>();
        withSuperuser(superuser, users).forEach(user -> passwords.putIfAbsent(user, newPassword()));
        write(file, passwords, comment);
        return new Passwords(superuser, passwords);
    }

    /** The passwords kept in {@code file}, which must exist. */
    public static Passwords load(Path file, String superuser) throws IOException {
        return new Passwords(superuser, read(file));
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no user " + user);
        }
        return password;
    }

    public boolean has(String user) {
        return passwords.containsKey(user);
    }

    private static Stream<String> withSuperuser(String superuser, Collection<String> users) {
        return Stream.concat(Stream.of(superuser), users.stream()).distinct();
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> passwords = new TreeMap<>();
        properties.stringPropertyNames().forEach(user -> passwords.put(user, properties.getProperty(user)));
        return passwords;
    }

    private static void write(Path file, Map<String, String> passwords, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.putAll(passwords);
        try (Writer writer = Files.newBufferedWriter(fresh)) {
            properties.store(writer, comment);
        }
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** 192 random bits, URL-safe Base64: nothing a JAAS line, a SCRAM argument or a SQL literal must escape. */
    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
