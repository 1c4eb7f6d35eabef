package org.jwtauth.demo.it;

import java.net.URI;

/** The demo WAR running in some container, reachable over HTTP. */
interface DeployedDemo extends AutoCloseable {

    /** The application's base URI, ending in "/". */
    URI base();

    @Override
    void close() throws Exception;
}
