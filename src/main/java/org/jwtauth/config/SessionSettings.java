package org.jwtauth.config;

import java.time.Duration;
import java.util.OptionalInt;

/** The parsed settings of users' sessions beyond their lifetimes: cut-offs, client details and a limit per user. */
public final class SessionSettings {

    private final Duration revocationPollInterval;
    private final boolean keepsClientInfo;
    private final int maxPerUser;

    SessionSettings(Duration revocationPollInterval, boolean keepsClientInfo, int maxPerUser) {
        this.revocationPollInterval = revocationPollInterval;
        this.keepsClientInfo = keepsClientInfo;
        this.maxPerUser = maxPerUser;
    }

    /** {@code jwtauth.revocation.pollInterval}: how often each node learns other nodes' revocations. */
    public Duration revocationPollInterval() {
        return revocationPollInterval;
    }

    /** {@code jwtauth.session.clientInfo}: whether sessions keep the user agent and address of their client. */
    public boolean keepsClientInfo() {
        return keepsClientInfo;
    }

    /** {@code jwtauth.session.maxPerUser}: the most active sessions a user may have; empty when unlimited. */
    public OptionalInt maxPerUser() {
        return maxPerUser == 0 ? OptionalInt.empty() : OptionalInt.of(maxPerUser);
    }

    String summary() {
        return "revocation.pollInterval=" + revocationPollInterval + ", session.clientInfo=" + keepsClientInfo
                + ", session.maxPerUser=" + (maxPerUser == 0 ? "unlimited" : String.valueOf(maxPerUser));
    }
}
