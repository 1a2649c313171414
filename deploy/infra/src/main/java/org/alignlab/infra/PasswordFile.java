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

/**
 * A properties file of user names and passwords that only its owner can read (mode 0600), written whole by an
 * atomic rename so a reader never sees half of it. Users it lacks get a fresh random password.
 */
final class PasswordFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** The passwords in {@code file} (none if it does not exist), with one generated for each user it lacks. */
    static Map<String, String> loadOrCreate(Path file, Collection<String> users, String comment) throws IOException {
        Map<String, String> passwords = Files.exists(file) ? read(file) : new TreeMap<>();
        users.forEach(user -> passwords.putIfAbsent(user, newPassword()));
        write(file, passwords, comment);
        return passwords;
    }

    static Map<String, String> generate(Collection<String> users) {
        Map<String, String> passwords = new TreeMap<>();
        users.forEach(user -> passwords.put(user, newPassword()));
        return passwords;
    }

    static Map<String, String> read(Path file) throws IOException {
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
