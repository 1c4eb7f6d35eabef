package org.jwtauth.it.recheck;

import jakarta.servlet.http.HttpServlet;

import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;

/**
 * The web app of this package's tests: an application with its own user table ({@link DirectoryAuthenticator}),
 * an H2 store of the test's own, and one servlet of the application's.
 */
final class DirectoryApp {

    private DirectoryApp() {
    }

    static WebAppDirectory webApp(String name, Class<? extends HttpServlet> servlet, String path) {
        return WebAppDirectory.builder()
                .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", name + "-it-secret-0123456789-0123456789")
                        + WebXml.contextParam("jwtauth.login.authenticator", DirectoryAuthenticator.class.getName())
                        + WebXml.contextParam("jwtauth.store.url", "jdbc:h2:file:"
                                + ItBuild.newWorkDir(name).resolve("tokens").toAbsolutePath())
                        + WebXml.servlet(name, servlet, path)))
                .classes(DirectoryAuthenticator.class, servlet)
                .build();
    }
}
