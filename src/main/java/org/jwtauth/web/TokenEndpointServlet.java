package org.jwtauth.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.log.Log;
import org.jwtauth.refresh.StoreUnavailableException;

/**
 * What the token and session endpoints share: POST only, or GET only for a listing (405 with {@code Allow}
 * otherwise), the
 * body read and bounded once, and the mapping of failures to answers: a rejected request to its error, a store
 * failure to 503 (never 401), and anything unexpected to a JSON 500 without a stack trace.
 */
abstract class TokenEndpointServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Log LOG = Log.of(TokenEndpointServlet.class);

    private transient JwtAuthComponents components;

    @Override
    public void init() throws ServletException {
        components = JwtAuthComponents.from(getServletContext());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        boolean get = reads();
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader("Allow", (get ? "GET" : "POST") + ", OPTIONS");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!(get ? "GET" : "POST").equals(request.getMethod())) {
            ErrorWriter.write(response, components.realm, get ? AuthErrors.NOT_GET : AuthErrors.NOT_POST);
            return;
        }
        try {
            handle(request, get ? null : RequestBody.read(request), response, components);
        } catch (RejectedRequest e) {
            ErrorWriter.write(response, components.realm, e.error());
        } catch (StoreUnavailableException e) {
            LOG.warn("{} answered 503: {}", getServletName(), e.getMessage());
            components.events.publish(AuthEvent.storeUnavailable(request.getRemoteAddr()));
            ErrorWriter.write(response, components.realm, AuthErrors.STORE_UNAVAILABLE);
        } catch (RuntimeException e) {
            // Logged with its stack trace for the operator; the client sees a fixed text.
            LOG.error("{} failed unexpectedly", getServletName(), e);
            ErrorWriter.write(response, components.realm, AuthErrors.UNEXPECTED);
        }
    }

    /** True for an endpoint that answers GET (and reads no body) instead of POST. */
    boolean reads() {
        return false;
    }

    /** Answers one POST whose body has been read and bounded (design section 5), or one GET (body null). */
    abstract void handle(HttpServletRequest request, RequestBody body, HttpServletResponse response,
                         JwtAuthComponents components) throws IOException, RejectedRequest;
}
