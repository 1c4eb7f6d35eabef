package org.jwtauth.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Whether the SLF4J that the web application sees has a provider. SLF4J 2 (2.0.17: {@code LoggerFactory.getProvider})
 * answers a {@link NOPLoggerFactory} when it found none (its {@code NOP_FallbackServiceProvider}); slf4j-nop, chosen
 * on purpose, answers one too and is treated alike: its lines would be lost, so they go to java.util.logging, where
 * a deployer silences them by level. While SLF4J is still initialising (a provider that logs while it starts) it
 * answers a substitute factory that hands the lines on to the provider once ready: that is a provider.
 */
final class Slf4jProvider {

    private Slf4jProvider() {
    }

    static boolean present() {
        ILoggerFactory factory;
        try {
            // The first call initialises SLF4J; without a provider SLF4J prints its own one-line warning
            // ("No SLF4J providers were found") to the console, as it would for jose4j's lines anyway.
            factory = LoggerFactory.getILoggerFactory();
        } catch (IllegalStateException e) {
            // SLF4J's initialisation failed earlier (its failed state): nothing would reach a provider.
            return false;
        }
        return !(factory instanceof NOPLoggerFactory);
    }
}
