package org.jwtauth.it.hostile;

import org.junit.jupiter.api.Nested;
import org.jwtauth.it.support.ContainerKind;

/** The hostile-input suite of {@link HostileInputSpec} (its four groups of cases) in both containers. */
class HostileInputIT {

    @Nested class Jetty extends HostileInputSpec { Jetty() { super(ContainerKind.JETTY); } }
    @Nested class Tomcat extends HostileInputSpec { Tomcat() { super(ContainerKind.TOMCAT); } }
}
