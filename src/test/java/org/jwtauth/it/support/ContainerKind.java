package org.jwtauth.it.support;

import java.nio.file.Path;
import java.util.function.Function;

/** The containers every integration test runs against. */
public enum ContainerKind {
    JETTY(JettyContainer::new),
    TOMCAT(TomcatContainer::new);

    private final Function<Path, Container> factory;

    ContainerKind(Function<Path, Container> factory) {
        this.factory = factory;
    }

    /** The kind a class called {@code Jetty} or {@code Tomcat} (any case) runs in. */
    public static ContainerKind named(String name) {
        for (ContainerKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no container is named " + name + "; call the class Jetty or Tomcat");
    }

    /** A new, not yet started container working in a new folder under target/it-work. */
    public Container create() {
        return factory.apply(ItBuild.newWorkDir(name().toLowerCase(java.util.Locale.ROOT)));
    }
}
