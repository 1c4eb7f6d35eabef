package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreLocationTest {

    private static final Map<String, String> TOMCAT = Map.of("catalina.base", "/srv/tomcat", "user.home", "/home/u");
    private static final Map<String, String> JETTY = Map.of("jetty.base", "/srv/jetty", "user.home", "/home/u");
    private static final Map<String, String> NEITHER = Map.of("user.home", "/home/u");

    @Test
    void chooseWhenNothingIsConfiguredThenTheContainersBaseElseTheHomeDirectoryPerServerAndContext() {
        assertEquals(Paths.get("/srv/tomcat/jwtauth/Catalina_localhost/shop"),
                EmbeddedStoreLocation.choose(Optional.empty(), TOMCAT::get, "Catalina/localhost", "/shop"));
        assertEquals(Paths.get("/srv/jetty/jwtauth/default/ROOT"),
                EmbeddedStoreLocation.choose(Optional.empty(), JETTY::get, null, ""));
        assertEquals(Paths.get("/home/u/.jwtauth/default/a_b"),
                EmbeddedStoreLocation.choose(Optional.empty(), NEITHER::get, "", "/a/b"));
    }

    @Test
    void chooseWhenTheDirectoryIsConfiguredThenItWinsOverTheContainersBase() {
        assertEquals(Paths.get("/var/lib/app/default/shop"),
                EmbeddedStoreLocation.choose(Optional.of(Paths.get("/var/lib/app")), TOMCAT::get, null, "/shop"));
    }

    @Test
    void chooseWhenServerOrContextNamesCarryPathCharactersThenTheyCannotLeaveTheBase() {
        Path chosen = EmbeddedStoreLocation.choose(Optional.empty(), TOMCAT::get, "../..", "/../etc");
        assertTrue(chosen.normalize().startsWith(Paths.get("/srv/tomcat/jwtauth")), chosen::toString);
    }

    @Test
    void moveOnceWhenTheDirectoryIsMissingThenItIsCreatedForTheContainersUserOnly(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "skipped: no POSIX permissions on this file system");
        Path stable = dir.resolve("base").resolve("server").resolve("context");
        EmbeddedStoreLocation.moveOnce(null, stable);
        for (Path p : new Path[] {stable, stable.getParent(), stable.getParent().getParent()}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
        }
    }

    @Test
    void moveOnceWhenTheTemporaryDirectoryHoldsTheOldDatabaseThenItIsMovedAndNeverOverwritesANewerOne(
            @TempDir Path dir) throws Exception {
        Path temp = Files.createDirectories(dir.resolve("work"));
        Path stable = dir.resolve("stable");
        Files.writeString(temp.resolve(EmbeddedStoreLocation.FILE), "old sessions");

        EmbeddedStoreLocation.moveOnce(temp, stable);
        assertEquals("old sessions", Files.readString(stable.resolve(EmbeddedStoreLocation.FILE)));
        assertFalse(Files.exists(temp.resolve(EmbeddedStoreLocation.FILE)));

        Files.writeString(temp.resolve(EmbeddedStoreLocation.FILE), "a stale copy");
        EmbeddedStoreLocation.moveOnce(temp, stable);
        assertEquals("old sessions", Files.readString(stable.resolve(EmbeddedStoreLocation.FILE)));
    }
}
