package org.jwtauth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jose4j.json.JsonUtil;
import org.jwtauth.token.JwtPrincipal;

/**
 * An application resource behind the bearer filter. It answers with what the Servlet API shows about the caller,
 * and records the {@code X-Test-Id} of every request that reaches it ({@link ReachedServlet} tells), so that a
 * test can prove that the filter did not let a rejected request through.
 */
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Roles probed with {@code isUserInRole}. */
    static final String[] PROBED_ROLES = {"user", "admin", "nobody", "**"};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReachedServlet.record(request);
        Principal principal = request.getUserPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("principal", principal == null ? null : principal.getName());
        body.put("principalClass", principal == null ? null : principal.getClass().getName());
        body.put("remoteUser", request.getRemoteUser());
        body.put("authType", request.getAuthType());
        Map<String, Object> roles = new LinkedHashMap<>();
        for (String role : PROBED_ROLES) {
            roles.put(role, request.isUserInRole(role));
        }
        body.put("inRole", roles);
        if (principal instanceof JwtPrincipal) {
            JwtPrincipal jwt = (JwtPrincipal) principal;
            body.put("sid", jwt.sessionId());
            body.put("department", jwt.claim("department").orElse(null));
        }
        body.put("path", request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        byte[] bytes = JsonUtil.toJson(body).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        ReachedServlet.record(request);
        super.doOptions(request, response);
    }
}
