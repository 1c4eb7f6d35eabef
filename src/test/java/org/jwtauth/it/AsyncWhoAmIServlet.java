package org.jwtauth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jose4j.json.JsonUtil;

/**
 * An asynchronous application resource. {@code ?mode=complete} answers from another thread what the request
 * the servlet was given and the AsyncContext's request show about the caller; {@code ?mode=dispatch} dispatches
 * the request asynchronously to {@code /api/whoami}, as frameworks do to render an asynchronous result.
 */
public class AsyncWhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReachedServlet.record(request);
        AsyncContext async = request.startAsync();
        if ("dispatch".equals(request.getParameter("mode"))) {
            async.dispatch("/api/whoami");
            return;
        }
        async.start(() -> {
            try {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("principal", name(request.getUserPrincipal()));
                body.put("asyncContextPrincipal",
                        name(((HttpServletRequest) async.getRequest()).getUserPrincipal()));
                byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
                HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
                asyncResponse.setContentType("application/json;charset=UTF-8");
                asyncResponse.setContentLength(bytes.length);
                asyncResponse.getOutputStream().write(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }

    private static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
