package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;

import org.junit.jupiter.api.Test;

/** Design section 5: input lengths are checked before the database, so no bound may exceed its column. */
class FieldsTest {

    @Test
    void maxUsernameWhenComparedWithTheStoresSubjectColumnThenItFits() throws Exception {
        Column subject = Class.forName("org.jwtauth.store.RefreshTokenEntity").getDeclaredField("subject")
                .getAnnotation(Column.class);
        assertTrue(Fields.MAX_USERNAME <= subject.length(),
                "a username of " + Fields.MAX_USERNAME + " characters must fit the subject column of "
                        + subject.length());
    }
}
