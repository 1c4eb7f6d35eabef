package org.jwtauth.config;

/** What the store does with its table at start-up ({@code jwtauth.store.schema}). */
public enum SchemaMode {
    /** Create the table and its indexes when missing. */
    CREATE,
    /** Refuse to start unless the table exists with the expected columns. */
    VALIDATE,
    /** Touch nothing; the deployer manages the schema. */
    NONE
}
