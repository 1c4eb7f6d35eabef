package org.jwtauth.demo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's data folder: the refresh-token database, the demo users and, when no secret is given, a
 * demo-only HMAC secret. Files are created once, readable by the owner only, and reused on every start so
 * that tokens stay valid across restarts.
 */
final class DemoData {

    static final String SECRET_FILE = "jwtauth-secret";
    static final String USERS_FILE = "demo-users.properties";
    static final String DATABASE = "tokens";

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    DemoData(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    void create() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /** The JDBC URL of the token database in this folder (H2 appends .mv.db). */
    String databaseUrl() {
        // DB_CLOSE_DELAY=-1: the store opens a connection per operation; keep the database open in between.
        return "jdbc:h2:file:" + dir.resolve(DATABASE) + ";DB_CLOSE_DELAY=-1";
    }

    Path secretFile() {
        return dir.resolve(SECRET_FILE);
    }

    /** Creates the secret file (256 random bits, base64) unless it exists; true when it was created now. */
    boolean ensureSecret() throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return createOwnerOnly(secretFile(), "base64:" + Base64.getEncoder().encodeToString(key) + "\n");
    }

    Path usersFile() {
        return dir.resolve(USERS_FILE);
    }

    /**
     * The demo users, from the users file in Jetty's realm.properties format ({@code name: password,role...}); on
     * first run the file is written with alice (user) and admin (user, admin) and random passwords.
     */
    Map<String, DemoJetty.User> users() throws IOException {
        String header = "# Demo users of the jwt-servlet-auth demo (Jetty realm.properties format: name: password,roles)\n";
        createOwnerOnly(usersFile(), header
                + "alice: " + password() + ",user\n"
                + "admin: " + password() + ",user,admin\n");
        Map<String, DemoJetty.User> users = new LinkedHashMap<>();
        for (String line : Files.readAllLines(usersFile(), StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            int colon = trimmed.indexOf(':');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || colon < 1) {
                continue;
            }
            List<String> parts = new ArrayList<>(Arrays.asList(trimmed.substring(colon + 1).split(",")));
            parts.replaceAll(String::trim);
            String password = parts.remove(0);
            users.put(trimmed.substring(0, colon).trim(), new DemoJetty.User(password, List.copyOf(parts)));
        }
        if (users.isEmpty()) {
            throw new IllegalStateException(usersFile() + " holds no users");
        }
        return users;
    }

    /** Warns when a file that holds a secret is readable by others (it was edited or copied by hand). */
    static String permissionWarning(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            p.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            return p.isEmpty() ? "" : " (warning: readable by others, run chmod 600 " + file + ")";
        } catch (UnsupportedOperationException | IOException e) {
            return "";
        }
    }

    private String password() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return s.toString();
    }

    /** Creates {@code file} with mode 600 from the start (no window in which others could read it). */
    private static boolean createOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, ownerOnly("rw-------"));
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile folder is private already.
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return true;
    }

    private static FileAttribute<?> ownerOnly(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
