package org.jwtauth.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jose4j.json.JsonUtil;
import org.jwtauth.events.AuthEvent;
import org.jwtauth.web.JwtAuth;

/**
 * An application servlet of the events tests: at start-up it registers a listener through the facade
 * ({@link JwtAuth#addListener}); a GET answers every event that listener and the configured
 * {@link EventListeners.Recording} received, each with every field.
 */
public class EventRecorderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final Queue<AuthEvent> received = new ConcurrentLinkedQueue<>();

    @Override
    public void init() throws ServletException {
        JwtAuth.from(getServletContext()).addListener(received::add);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("facade", fields(received));
        body.put("configured", fields(EventListeners.Recording.RECEIVED));
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JsonUtil.toJson(body));
    }

    private static List<Map<String, Object>> fields(Queue<AuthEvent> events) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (AuthEvent event : events) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", event.type().name());
            fields.put("reason", event.reason().map(Enum::name).orElse(null));
            fields.put("time", event.time().toString());
            fields.put("subject", event.subject().orElse(null));
            fields.put("sessionId", event.sessionId().orElse(null));
            fields.put("clientAddress", event.clientAddress().orElse(null));
            fields.put("toString", event.toString());
            all.add(fields);
        }
        return all;
    }
}
