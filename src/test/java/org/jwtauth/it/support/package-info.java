/**
 * Integration-test harness: deploys a real exploded web app (the packaged library JAR and its
 * dependencies in WEB-INF/lib, application servlets from the test sources in WEB-INF/classes)
 * into embedded Jetty 12 (ee10) and Tomcat 11, and talks to it over real HTTP.
 *
 * <p>A test class runs against both containers through two {@code @Nested} subclasses of one
 * abstract specification, so reports name the container ({@code FooIT$Jetty}, {@code FooIT$Tomcat});
 * the subclass's name chooses the container.
 * The specification extends {@link org.jwtauth.it.support.DeployedSpec}, which deploys once before its
 * tests and closes what it deployed after them; {@link org.jwtauth.it.support.WebXml} writes the
 * deployment descriptor (context-params, servlets, async servlets, filters and their init-params) and
 * {@link org.jwtauth.it.support.AuthCalls} calls the library's endpoints. Test names read as
 * specifications, {@code subjectWhenXThenY}:
 *
 * <pre>{@code
 * class LoginIT {
 *     @Nested class Jetty extends Spec { }
 *     @Nested class Tomcat extends Spec { }
 *
 *     abstract static class Spec extends DeployedSpec {
 *         private AuthCalls auth;
 *
 *         @Override
 *         protected void deploy() throws Exception {
 *             WebAppDirectory webApp = WebAppDirectory.builder()
 *                     .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", "...32 bytes or more...")
 *                             + WebXml.servlet("hello", HelloServlet.class, "/api/hello")
 *                             + WebXml.basicLogin("app", "user")))
 *                     .classes(HelloServlet.class)
 *                     .build();
 *             auth = AuthCalls.on(deploy(webApp, "/app", Users.none().with("alice", "pw", "user")));
 *         }
 *
 *         @Test
 *         void loginWhenPasswordIsCorrectThenTokens() {
 *             HttpResult result = auth.login("alice", "pw");
 *             assertEquals(200, result.status(), result::toString);
 *             assertNotNull(result.json().get("accessToken"));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Tokens that a test forges (correct ones to start from, hostile ones that change one thing) come
 * from {@link org.jwtauth.testing.TokenForge}, the one forge of unit and integration tests.
 *
 * <p>Jetty needs a {@code <login-config>} (web.xml or a fragment) for {@code request.login};
 * see {@code RequestLoginRequirementsIT}.
 */
package org.jwtauth.it.support;
