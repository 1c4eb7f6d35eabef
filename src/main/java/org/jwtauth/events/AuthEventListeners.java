package org.jwtauth.events;

import java.util.ArrayList;
import java.util.List;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;

/**
 * This package's factory: turns {@code jwtauth.events.listeners} into instances at start-up, failing with the
 * key's name when a class is missing, is no {@link AuthEventListener} or cannot be made.
 */
public final class AuthEventListeners {

    private AuthEventListeners() {
    }

    /**
     * Makes one instance of each class, in the order given.
     *
     * @param classNames the class names of {@code jwtauth.events.listeners}
     * @param loader the web application's class loader, which loads them
     * @return the listeners, in that order
     * @throws ConfigurationException naming the key, when a class is missing, is no {@link AuthEventListener} or
     *         cannot be made
     */
    public static List<AuthEventListener> create(List<String> classNames, ClassLoader loader) {
        List<AuthEventListener> listeners = new ArrayList<>();
        for (String name : classNames) {
            listeners.add(create(name, loader));
        }
        return List.copyOf(listeners);
    }

    private static AuthEventListener create(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException(ConfigKeys.EVENTS_LISTENERS,
                    "expected class names on the web application's class path; " + name + " was not found");
        }
        if (!AuthEventListener.class.isAssignableFrom(type)) {
            throw new ConfigurationException(ConfigKeys.EVENTS_LISTENERS,
                    name + " does not implement " + AuthEventListener.class.getName());
        }
        try {
            return (AuthEventListener) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConfigurationException(ConfigKeys.EVENTS_LISTENERS,
                    name + " needs a public no-argument constructor that does not throw");
        }
    }
}
