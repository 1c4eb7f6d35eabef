package org.jwtauth.demo.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * jwtauth.js in real Chromium, several tabs of one profile on the demo (cookie mode, retry window PT30S), with
 * access tokens of four seconds: one refresh at a time across tabs, a tab dying mid-refresh, logout reaching every
 * tab, and the refresh-token cookie out of reach of page scripts and of other origins. The server's own request
 * log counts the refreshes.
 */
class JettyTabsIT {

    private static final String COOKIE = "__Secure-jwtauth-refresh";
    private static final Duration GENEROUS = Duration.ofSeconds(90);

    private static final DemoFixture FIXTURE = new DemoFixture("PT4S");
    private static JettyDeployment demo;
    private Chromium chromium;
    /** Run before the page's scripts in every tab this test opens (CDP's setting is per tab). */
    private String pageSetup;

    @BeforeAll
    static void deploy() throws Exception {
        demo = FIXTURE.withSettings(() -> JettyDeployment.start(DemoFixture.war(), FIXTURE.users()));
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void browser() throws Exception {
        chromium = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Web Locks", "no navigator.locks (plain-HTTP page): the storage lock"})
    void twoTabsCallingTheApiAcrossThreeExpiriesStaySignedInAndTheServerSeesOneRefreshPerExpiry(String lock) {
        if (!lock.equals("Web Locks")) {
            pageSetup = "delete Navigator.prototype.locks;";
        }
        String first = openSignedIn();
        String second = openTab();
        assertEquals(lock.equals("Web Locks"), script("return 'locks' in navigator"), "the lock this run tests");
        int refreshesBefore = demo.answered("POST", "/auth/refresh");
        int refusedBefore = demo.answered("POST", "/auth/refresh", 400);

        for (String tab : List.of(first, second)) {
            switchTo(tab);
            script(CALL_CONTINUOUSLY, 4);
        }
        Set<Object> tokens = new HashSet<>();
        for (String tab : List.of(first, second)) {
            switchTo(tab);
            chromium.waitFor(() -> Boolean.TRUE.equals(script("return window.run.done")), GENEROUS,
                    () -> "the calls in tab " + tab);
            assertEquals(List.of(), script("return window.run.statuses.filter(s => s !== 200)"), "every call answered 200");
            assertNotNull(script("return JwtAuth.user()"), "still signed in");
            tokens.addAll((List<?>) script("return window.run.tokens"));
        }
        int refreshes = demo.answered("POST", "/auth/refresh") - refreshesBefore;
        assertAll(
                () -> assertTrue(tokens.size() >= 4, "three expiries crossed: " + tokens),
                () -> assertEquals(refusedBefore, demo.answered("POST", "/auth/refresh", 400), "no refresh lost a race"),
                // Every refresh brought a token that the tabs then used, and no two refreshes replaced one token.
                () -> assertEquals(tokens.size() - 1, refreshes, "one refresh per expiry: " + tokens));
        // Not revoked: the family still refreshes.
        assertNotNull(asyncScript("JwtAuth.refresh().then(done, () => done(null))"));
    }

    @Test
    void aTabClosedInTheMiddleOfItsRefreshLeavesTheOtherTabWorking() {
        String dying = openSignedIn();
        String survivor = openTab();
        int refreshed = demo.answered("POST", "/auth/refresh", 200);
        int refused = demo.answered("POST", "/auth/refresh", 400);

        switchTo(dying);
        // The server rotates and answers, but this tab never gets to store the result: it is closed first.
        script("const real = window.fetch;"
                + "window.fetch = (url, init) => String(url).endsWith('auth/refresh')"
                + "  ? (real(url, init), new Promise(() => {})) : real(url, init);"
                + "JwtAuth.refresh();");
        chromium.waitFor(() -> demo.answered("POST", "/auth/refresh", 200) > refreshed, GENEROUS,
                () -> "the dying tab's refresh to reach the server");
        chromium.driver.close();

        switchTo(survivor);
        script(CALL_CONTINUOUSLY, 3);
        chromium.waitFor(() -> Boolean.TRUE.equals(script("return window.run.done")), GENEROUS,
                () -> "the surviving tab's calls");
        assertEquals(List.of(), script("return window.run.statuses.filter(s => s !== 200)"), "every call answered 200");
        assertNotNull(script("return JwtAuth.user()"), "still signed in");
        assertEquals(refused, demo.answered("POST", "/auth/refresh", 400), "the retry window answered the old token");
    }

    @Test
    void signingOutInOneTabSignsOutTheOther() {
        String first = openSignedIn();
        String second = openTab();
        chromium.waitFor(() -> text("status").startsWith("Signed in as alice"), GENEROUS, () -> "the second tab");

        switchTo(first);
        chromium.driver.findElement(By.id("logout")).click();

        switchTo(second);
        chromium.waitFor(() -> "Signed out".equals(text("status")), GENEROUS, () -> "the other tab to sign out; "
                + "its storage: " + script("return localStorage.getItem('jwtauth')") + "; its log: "
                + chromium.driver.findElement(By.id("log")).getText());
        assertEquals(null, script("return JwtAuth.user()"));
    }

    @Test
    void cookieModeKeepsTheRefreshTokenFromPageScriptsAndOtherOriginsGetNoToken() {
        openSignedIn();
        // WebDriver lists only the cookies of the page's own path; the browser's whole jar comes from CDP.
        @SuppressWarnings("unchecked")
        Map<String, Object> cookie = ((List<Map<String, Object>>) chromium.driver.executeCdpCommand(
                "Network.getAllCookies", Map.of()).get("cookies")).stream()
                .filter(c -> COOKIE.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the browser keeps the refresh-token cookie"));
        String value = (String) cookie.get("value");
        String stored = String.valueOf(script("return JSON.stringify(localStorage)"));
        assertAll(
                () -> assertEquals(true, cookie.get("httpOnly"), cookie::toString),
                () -> assertEquals(true, cookie.get("secure"), cookie::toString),
                () -> assertEquals("Strict", cookie.get("sameSite"), cookie::toString),
                () -> assertEquals("/auth", cookie.get("path"), cookie::toString),
                () -> assertFalse(String.valueOf(script("return document.cookie")).contains(COOKIE)),
                () -> assertFalse(String.valueOf(script("return document.cookie")).contains(value)),
                () -> assertFalse(stored.contains(value), "nor in storage"));
        int refreshed = demo.answered("POST", "/auth/refresh", 200);
        int asked = demo.answered("POST", "/auth/refresh");
        String target = demo.base().resolve("auth/refresh").toString();

        chromium.driver.get(demo.otherOrigin().toString());
        Object fetched = asyncScript("fetch(arguments[0], {method: 'POST', mode: 'no-cors', credentials: 'include',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: ''})"
                + ".then(r => done(r.type), e => done('error: ' + e))", target);
        chromium.waitFor(() -> demo.answered("POST", "/auth/refresh") > asked, GENEROUS,
                () -> "the cross-origin fetch to reach the server");
        script("const form = document.createElement('form'); form.method = 'POST'; form.action = arguments[0];"
                + "document.body.appendChild(form); form.submit();", target);
        chromium.waitFor(() -> chromium.driver.getCurrentUrl().startsWith(target), GENEROUS, () -> "the form post");

        String answer = chromium.driver.findElement(By.tagName("body")).getText();
        assertAll(
                () -> assertEquals("opaque", fetched, "the page cannot read the answer either"),
                () -> assertTrue(answer.contains("invalid_request"), answer),
                () -> assertFalse(answer.contains("accessToken\""), answer),
                () -> assertEquals(refreshed, demo.answered("POST", "/auth/refresh", 200), "no refresh succeeded"));
    }

    /**
     * Calls api/me through JwtAuth.fetch every 100 ms until the tab has seen arguments[0] access tokens (or a
     * generous deadline passes), recording each status and the token's jti in window.run.
     */
    private static final String CALL_CONTINUOUSLY = "const wanted = arguments[0];"
            + "window.run = {statuses: [], tokens: [], done: false};"
            + "(async () => { const deadline = Date.now() + 80000;"
            + "  while (new Set(run.tokens).size < wanted && Date.now() < deadline) {"
            + "    const r = await JwtAuth.fetch('api/me', {cache: 'no-store'}); run.statuses.push(r.status);"
            + "    const u = JwtAuth.user(); if (u && !run.tokens.includes(u.claims.jti)) run.tokens.push(u.claims.jti);"
            + "    await new Promise(d => setTimeout(d, 100)); }"
            + "  run.done = true; })();";

    /** The demo page in the first tab, signed in as alice through the form; returns the tab's handle. */
    private String openSignedIn() {
        if (pageSetup != null) {
            chromium.beforeEveryPage(pageSetup);
        }
        chromium.driver.get(demo.base().toString());
        chromium.driver.findElement(By.id("username")).sendKeys(DemoFixture.USER);
        chromium.driver.findElement(By.id("password")).sendKeys(FIXTURE.password(DemoFixture.USER));
        chromium.driver.findElement(By.id("login")).click();
        chromium.waitFor(() -> text("status").startsWith("Signed in as alice"), GENEROUS, () -> "the sign-in");
        return chromium.driver.getWindowHandle();
    }

    /** The demo page in a new tab of the same profile; returns its handle. */
    private String openTab() {
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        if (pageSetup != null) {
            chromium.beforeEveryPage(pageSetup);
        }
        chromium.driver.get(demo.base().toString());
        return chromium.driver.getWindowHandle();
    }

    private void switchTo(String handle) {
        chromium.driver.switchTo().window(handle);
    }

    private String text(String id) {
        return chromium.driver.findElement(By.id(id)).getText();
    }

    private Object script(String source, Object... args) {
        return chromium.driver.executeScript(source, args);
    }

    /** {@code source} calls {@code done(value)} when finished. */
    private Object asyncScript(String source, Object... args) {
        chromium.driver.manage().timeouts().scriptTimeout(GENEROUS);
        return chromium.driver.executeAsyncScript("const done = arguments[arguments.length - 1];" + source, args);
    }
}
