package org.jwtauth.it.hostile;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where {@link GatedAuthenticator} holds password checks, shared through a context attribute (no static state):
 * {@code GET /gate} answers how many checks reached the authenticator, {@code POST /gate/close} holds the next
 * ones, {@code POST /gate/open} lets them all go.
 */
public class LoginGate extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final String ATTRIBUTE = LoginGate.class.getName();

    private final AtomicInteger reached = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    static LoginGate of(ServletContext context) {
        return (LoginGate) context.getAttribute(ATTRIBUTE);
    }

    @Override
    public void init() throws ServletException {
        getServletContext().setAttribute(ATTRIBUTE, this);
    }

    /** Counts the check, then waits while the gate is closed (at most a minute, so no test can hang forever). */
    void pass() {
        reached.incrementAndGet();
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if ("/gate/close".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            gate = new CountDownLatch(1);
        } else if ("/gate/open".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            gate.countDown();
        }
        response.getWriter().print(reached.get());
    }
}
