package org.jwtauth.it;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Fails the web app's start-up, as the library's listener does on a wrong configuration value. */
public class FailingListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        throw new IllegalStateException("deliberate start-up failure");
    }
}
