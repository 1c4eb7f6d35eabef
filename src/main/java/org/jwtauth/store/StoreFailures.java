package org.jwtauth.store;

import java.sql.SQLException;
import org.jwtauth.refresh.StoreUnavailableException;

/**
 * Turns a database failure into a {@link StoreUnavailableException} that is safe to log. JDBC drivers put row
 * values into their messages (PostgreSQL: "Key (token_hash)=(...) already exists"; MariaDB: "Duplicate entry
 * '...'"), and EclipseLink adds the SQL call. So neither the message nor the cause chain carries the original
 * texts: the cause only names the exception types and SQL states, with the original stack trace.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    static StoreUnavailableException unavailable(String operation, Throwable failure) {
        return new StoreUnavailableException("refresh-token store unavailable (" + operation + ")",
                new SanitizedCause(failure));
    }

    /**
     * Whether the database refused the transaction because a concurrent one won: a serialization failure
     * (SQLSTATE 40001: PostgreSQL under REPEATABLE READ or SERIALIZABLE, H2 and MariaDB deadlocks), a PostgreSQL
     * deadlock (40P01), MariaDB's deadlock code 1213, H2's concurrent update (90131), or a duplicate key (23xxx
     * with the vendor codes 23505, 1062) when two requests record the same row. Retrying sees the winner's work.
     */
    static boolean isLostRace(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof SQLException) {
                SQLException sql = (SQLException) t;
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                int code = sql.getErrorCode();
                if (state.equals("40001") || state.equals("40P01") || state.equals("23505") || code == 1213
                        || code == 1062 || code == 90131 || code == 23505) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Type names and SQL states of a failure's chain, e.g. "DatabaseException <- PSQLException[SQLState 08001]". */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName());
            if (t instanceof SQLException) {
                SQLException sql = (SQLException) t;
                text.append("[SQLState ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode())
                        .append(']');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    /** Carries the diagnosis an operator needs (what failed, where) without any message text from below. */
    static final class SanitizedCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SanitizedCause(Throwable failure) {
            super(describe(failure), null, false, true);
            setStackTrace(failure.getStackTrace());
        }
    }
}
