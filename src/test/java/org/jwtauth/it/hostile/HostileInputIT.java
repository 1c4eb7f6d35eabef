package org.jwtauth.it.hostile;

import org.junit.jupiter.api.Nested;

/** The hostile-input suite of {@link HostileInputSpec} (its four groups of cases) in both containers. */
class HostileInputIT {

    @Nested class Jetty extends HostileInputSpec { }
    @Nested class Tomcat extends HostileInputSpec { }
}
