package org.jwtauth.refresh;

import java.util.Optional;

/**
 * What a session keeps of the client of its login and latest refresh, for the user's list of devices: the
 * User-Agent as sent, cut to {@value #MAX_USER_AGENT} characters, and the client address as the container reports
 * it (after its own proxy handling, such as Tomcat's RemoteIpValve). Never a token. {@link #NONE} when
 * {@code jwtauth.session.clientInfo} is off.
 */
public final class ClientInfo {

    public static final int MAX_USER_AGENT = 256;
    /** Longer than any textual IPv6 address with a zone (RFC 4007 section 11). */
    public static final int MAX_ADDRESS = 64;

    /** Nothing recorded. */
    public static final ClientInfo NONE = new ClientInfo(null, null);

    private final String userAgent;
    private final String address;

    private ClientInfo(String userAgent, String address) {
        this.userAgent = userAgent;
        this.address = address;
    }

    /** Either may be null (not sent); both are cut to their column, never splitting a surrogate pair. */
    public static ClientInfo of(String userAgent, String address) {
        return new ClientInfo(cut(userAgent, MAX_USER_AGENT), cut(address, MAX_ADDRESS));
    }

    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    @Override
    public String toString() {
        return "ClientInfo[" + userAgent + ", " + address + "]";
    }
}
