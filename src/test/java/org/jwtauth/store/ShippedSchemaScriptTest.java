package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jwtauth.store.StoreFixture.active;
import static org.jwtauth.store.StoreFixture.newId;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.jwtauth.config.SchemaMode;
import org.jwtauth.refresh.RefreshTokenState;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.refresh.StoredRefreshToken;

/**
 * A DBA runs the shipped script as one file, as psql -f / mariadb &lt; file / H2 RUNSCRIPT do (not split by the
 * library), and the application then starts with {@code jwtauth.store.schema=validate} and works.
 */
class ShippedSchemaScriptTest {

    @OnEveryDatabase
    void openWithValidateWhenTheShippedScriptWasRunAsOneFileThenTheStoreWorks(TestDatabase db) throws Exception {
        try (TestDatabase.Scratch scratch = db.scratch()) {
            runAsOneFile(scratch, dialect(db).script());
            runAsOneFile(scratch, dialect(db).script()); // idempotent: a second run changes nothing and fails nothing
            try (RefreshTokenStore store = JpaRefreshTokenStores.open(scratch.settings(SchemaMode.VALIDATE),
                    scratch.directory)) {
                StoredRefreshToken token = active(newId("fam"), "alice");
                store.insert(token);
                assertEquals(RefreshTokenState.ACTIVE, store.findByHash(token.hash()).orElseThrow().state());
            }
        }
    }

    static DatabaseDialect dialect(TestDatabase db) {
        return DatabaseDialect.valueOf(db.name());
    }

    /** Runs a script of this package's resources (e.g. {@code schema-h2.sql}) as one file, as a DBA would. */
    static void runAsOneFile(TestDatabase.Scratch scratch, String resource) throws Exception {
        TestDatabase db = scratch.database;
        if (db == TestDatabase.H2) {
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM 'classpath:/org/jwtauth/store/" + resource + "'");
            }
            return;
        }
        String script;
        try (InputStream in = SchemaManager.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // MariaDB's driver runs several statements in one call only when asked to, as its command-line client does.
        String url = db == TestDatabase.MARIADB ? scratch.url + "&allowMultiQueries=true" : scratch.url;
        try (Connection c = DriverManager.getConnection(url, db == TestDatabase.POSTGRESQL ? "postgres" : "root",
                db == TestDatabase.POSTGRESQL ? null : "");
             Statement s = c.createStatement()) {
            s.execute(script);
        }
    }
}
