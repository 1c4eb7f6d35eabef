package org.jwtauth.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

import org.jwtauth.log.Log;
import org.jwtauth.log.LoggerNames;

/**
 * The built-in listener: writes the security-relevant events through the library's logging under
 * {@link LoggerNames#AUDIT}, a name deployers route to an audit file. WARN for reuse, lock-outs (a throttled
 * login) and a store outage; INFO for failed logins and refreshes, revocations and logouts of all devices, which
 * an auditor wants by default and an attacker causes, so each kind is limited to {@link #LINES_PER_MINUTE} lines
 * a minute; DEBUG for the routine rest (successful logins and refreshes, logouts, refused bearer tokens, mostly
 * expired ones), so that nothing is written at INFO for ordinary requests.
 */
public final class AuditLogListener implements AuthEventListener {

    /** Lines per kind of event (type and reason) and minute; the next line says how many were left out. */
    static final int LINES_PER_MINUTE = 10;

    /** The levels this listener writes at. */
    enum Level { DEBUG, INFO, WARN }

    /** Where the lines go: the audit logger, or a test's list. */
    @FunctionalInterface
    interface Output {
        void write(Level level, String line);
    }

    private final Output output;
    private final LineBudget budget;

    /**
     * A listener that writes to the audit logger.
     *
     * @param clock for the per-minute line budget
     */
    public AuditLogListener(Clock clock) {
        this(toLog(Log.named(LoggerNames.AUDIT)), clock);
    }

    AuditLogListener(Output output, Clock clock) {
        this.output = output;
        this.budget = new LineBudget(LINES_PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    @Override
    public void onEvent(AuthEvent event) {
        Level level = levelOf(event);
        String kind = event.type().name().toLowerCase(Locale.ROOT)
                + event.reason().map(r -> " reason=" + r.name().toLowerCase(Locale.ROOT)).orElse("");
        OptionalLong suppressed = level == Level.DEBUG ? OptionalLong.of(0) : budget.permit(kind);
        if (suppressed.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(kind);
        event.subject().ifPresent(s -> line.append(" subject=").append(printable(s)));
        event.sessionId().ifPresent(s -> line.append(" session=").append(printable(s)));
        event.clientAddress().ifPresent(a -> line.append(" address=").append(printable(a)));
        if (suppressed.getAsLong() > 0) {
            line.append(" (").append(suppressed.getAsLong()).append(" similar lines suppressed)");
        }
        output.write(level, line.toString());
    }

    private static Level levelOf(AuthEvent event) {
        switch (event.type()) {
            case REUSE_DETECTED:
            case STORE_UNAVAILABLE:
                return Level.WARN;
            case LOGIN_FAILED:
                return event.reason().filter(r -> r == AuthEventReason.THROTTLED).isPresent() ? Level.WARN
                        : Level.INFO;
            case REFRESH_FAILED:
            case SESSION_REVOKED:
            case LOGOUT_ALL_DEVICES:
                return Level.INFO;
            default:
                return Level.DEBUG;
        }
    }

    /** A username comes from the client: no line breaks or other control characters reach the log. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static Output toLog(Log log) {
        return (level, line) -> {
            switch (level) {
                case WARN:
                    log.warn("{}", line);
                    break;
                case INFO:
                    log.info("{}", line);
                    break;
                default:
                    log.debug("{}", line);
            }
        };
    }
}
