package org.jwtauth.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store test run on each database reached over the network (not the embedded H2), for what needs a connection
 * that can be cut: the test method takes the {@link TestDatabase} as its only parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
@interface OnDatabaseServers {
}
