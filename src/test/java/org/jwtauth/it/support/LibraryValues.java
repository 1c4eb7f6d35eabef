package org.jwtauth.it.support;

import java.lang.reflect.Field;
import java.time.Duration;

import org.jwtauth.refresh.RefreshTokenService;

/** Values the library fixes, read from the library itself so that no test keeps a copy that could drift. */
public final class LibraryValues {

    /**
     * How long after a rotation the rotated refresh token presented again counts as concurrent use, not reuse.
     * MERGE: read by reflection while RefreshTokenService.CONCURRENT_USE_GRACE is package-private; once it is
     * public, this line becomes {@code = RefreshTokenService.CONCURRENT_USE_GRACE;}.
     */
    public static final Duration CONCURRENT_USE_GRACE = staticField(RefreshTokenService.class, "CONCURRENT_USE_GRACE");

    private LibraryValues() {
    }

    @SuppressWarnings("unchecked")
    private static <T> T staticField(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The library has no " + owner.getName() + "." + name, e);
        }
    }
}
