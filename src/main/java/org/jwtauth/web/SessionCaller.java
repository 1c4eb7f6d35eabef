package org.jwtauth.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.token.JwtPrincipal;

/** The caller of a session endpoint: a valid bearer token of ours, else the bearer step's error (RFC 6750). */
final class SessionCaller {

    private SessionCaller() {
    }

    static JwtPrincipal of(HttpServletRequest request, JwtAuthComponents components) throws RejectedRequest {
        BearerAuthentication.Result caller = components.ownCallers.authenticate(request);
        if (caller.principal() == null) {
            throw new RejectedRequest(caller.error());
        }
        return caller.principal();
    }
}
