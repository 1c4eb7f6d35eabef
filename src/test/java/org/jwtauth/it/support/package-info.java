/**
 * Integration-test harness: deploys a real exploded web app (the packaged library JAR and its
 * dependencies in WEB-INF/lib, application servlets from the test sources in WEB-INF/classes)
 * into embedded Jetty 12 (ee10) and Tomcat 11, and talks to it over real HTTP.
 *
 * <p>A test class runs against both containers through two {@code @Nested} subclasses of one
 * abstract specification, so reports name the container ({@code FooIT$Jetty}, {@code FooIT$Tomcat}):
 *
 * <pre>{@code
 * class LoginIT {
 *     @Nested class Jetty extends Spec { Jetty() { super(ContainerKind.JETTY); } }
 *     @Nested class Tomcat extends Spec { Tomcat() { super(ContainerKind.TOMCAT); } }
 *
 *     @TestInstance(TestInstance.Lifecycle.PER_CLASS)
 *     abstract static class Spec {
 *         private final ContainerKind kind;
 *         private DeployedApp app;
 *
 *         Spec(ContainerKind kind) { this.kind = kind; }
 *
 *         @BeforeAll
 *         void deploy() throws Exception {
 *             WebAppDirectory webApp = WebAppDirectory.builder()
 *                     .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", "...32 bytes or more...")
 *                             + WebXml.servlet("hello", HelloServlet.class, "/api/hello")
 *                             + WebXml.basicLogin("app", "user")))
 *                     .classes(HelloServlet.class)
 *                     .build();
 *             app = DeployedApp.deploy(kind, webApp, "/app", Users.none().with("alice", "pw", "user"));
 *         }
 *
 *         @AfterAll
 *         void stop() throws Exception { app.close(); }
 *
 *         @Test
 *         void loginWithCorrectPasswordReturnsTokens() {
 *             HttpResult result = app.http().postJson(app.uri("/auth/login"),
 *                     "{\"username\":\"alice\",\"password\":\"pw\"}");
 *             assertEquals(200, result.status(), result::toString);
 *             assertNotNull(result.json().get("accessToken"));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Jetty needs a {@code <login-config>} (web.xml or a fragment) for {@code request.login};
 * see {@code RequestLoginRequirementsIT}.
 */
package org.jwtauth.it.support;
