package org.jwtauth.testing;

import java.nio.file.Path;
import java.util.Map;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigSource;
import org.jwtauth.config.SettingsParser;
import org.jwtauth.refresh.RefreshTokenStore;
import org.jwtauth.store.JpaRefreshTokenStores;

/** Real EclipseLink stores on an embedded H2 file database, for tests of the layers above the store. */
public final class H2Stores {

    private H2Stores() {
    }

    /** A store on a fresh H2 database in {@code directory}, the same way the listener opens its default one. */
    public static RefreshTokenStore open(Path directory) {
        return JpaRefreshTokenStores.open(new SettingsParser(ConfigSource.of(Map.of(
                ConfigKeys.SECRET, "0123456789abcdef0123456789abcdef"))).parse().store(), directory);
    }
}
