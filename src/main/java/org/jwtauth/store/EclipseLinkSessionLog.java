package org.jwtauth.store;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

import org.jwtauth.log.Log;
import org.jwtauth.log.LoggerNames;

/**
 * EclipseLink's log, routed to the library's logger {@value LoggerNames#ECLIPSELINK} (so to the application's SLF4J
 * provider or the container's java.util.logging, as every line of the library) and stripped of exception
 * messages. EclipseLink's own logger prints a failed statement's driver message, and drivers quote row values
 * there ("Duplicate entry '&lt;token hash&gt;'"); here an exception is reduced to its types and SQL states.
 * Public with a no-arg constructor because EclipseLink instantiates it by name ({@code eclipselink.logging.logger}).
 */
public final class EclipseLinkSessionLog extends AbstractSessionLog {

    private static final Log LOG = Log.named(LoggerNames.ECLIPSELINK);

    public EclipseLinkSessionLog() {
        super();
        setLevel(SessionLog.WARNING);
    }

    @Override
    public void log(SessionLogEntry entry) {
        if (!shouldLog(entry.getLevel(), entry.getNameSpace())) {
            return;
        }
        if (entry.hasException()) {
            // Every failure also reaches the store's caller as a StoreUnavailableException, which logs it once
            // (the 503 line, the cleanup line); at WARN here an outage would log each failure twice.
            LOG.debug("EclipseLink: {}", StoreFailures.describe(entry.getException()));
            return;
        }
        String text = formatMessage(entry);
        if (entry.getLevel() >= SessionLog.SEVERE) {
            LOG.error("EclipseLink: {}", text);
        } else if (entry.getLevel() >= SessionLog.WARNING) {
            LOG.warn("EclipseLink: {}", text);
        } else {
            LOG.debug("EclipseLink: {}", text);
        }
    }
}
