package org.jwtauth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;

/** {@code jwtauth.events.listeners}: class names made into listeners at start-up, or an error naming the key. */
class AuthEventListenersTest {

    public static final class Recording implements AuthEventListener {
        @Override
        public void onEvent(AuthEvent event) {
        }
    }

    public static final class NoDefaultConstructor implements AuthEventListener {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public void onEvent(AuthEvent event) {
        }
    }

    private static ConfigurationException refused(String className) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AuthEventListeners.create(List.of(className), AuthEventListenersTest.class.getClassLoader()));
        assertEquals(ConfigKeys.EVENTS_LISTENERS, e.key());
        assertTrue(e.getMessage().contains(className), e.getMessage());
        return e;
    }

    @Test
    void createWhenAClassNameIsAListenerThenAnInstance() {
        List<AuthEventListener> listeners = AuthEventListeners.create(List.of(Recording.class.getName()),
                getClass().getClassLoader());
        assertEquals(1, listeners.size());
        assertInstanceOf(Recording.class, listeners.get(0));
    }

    @Test
    void createWhenTheClassIsMissingThenRefusedNamingTheKey() {
        refused("com.example.NoSuchListener");
    }

    @Test
    void createWhenTheClassIsNoListenerThenRefusedNamingTheKey() {
        refused(String.class.getName());
    }

    @Test
    void createWhenTheClassHasNoPublicNoArgumentConstructorThenRefusedNamingTheKey() {
        refused(NoDefaultConstructor.class.getName());
    }
}
