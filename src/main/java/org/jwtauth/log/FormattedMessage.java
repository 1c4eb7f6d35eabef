package org.jwtauth.log;

/**
 * A message with SLF4J's {@code {}} placeholders filled in, for the java.util.logging path (SLF4J formats its own).
 * As SLF4J: arguments fill the placeholders in order, a last argument that is a {@link Throwable} and has no
 * placeholder of its own becomes the record's exception (its stack trace is printed), placeholders without an
 * argument stay as they are. Escaping ({@code \{}}) is not supported: the library's messages never need it.
 */
final class FormattedMessage {

    private static final String PLACEHOLDER = "{}";

    private final String text;
    private final Throwable thrown;

    private FormattedMessage(String text, Throwable thrown) {
        this.text = text;
        this.thrown = thrown;
    }

    static FormattedMessage of(String format, Object... args) {
        Object[] values = args == null ? new Object[0] : args;
        int placeholders = count(format);
        Throwable thrown = null;
        int used = values.length;
        if (used > placeholders && values[used - 1] instanceof Throwable) {
            thrown = (Throwable) values[used - 1];
            used--;
        }
        StringBuilder text = new StringBuilder(format.length() + 32);
        int from = 0;
        for (int i = 0; i < used; i++) {
            int at = format.indexOf(PLACEHOLDER, from);
            if (at < 0) {
                break;
            }
            text.append(format, from, at).append(String.valueOf(values[i]));
            from = at + PLACEHOLDER.length();
        }
        text.append(format, from, format.length());
        return new FormattedMessage(text.toString(), thrown);
    }

    String text() {
        return text;
    }

    /** The exception to log with its stack trace, or null. */
    Throwable thrown() {
        return thrown;
    }

    private static int count(String format) {
        int n = 0;
        for (int at = format.indexOf(PLACEHOLDER); at >= 0; at = format.indexOf(PLACEHOLDER, at + PLACEHOLDER.length())) {
            n++;
        }
        return n;
    }
}
