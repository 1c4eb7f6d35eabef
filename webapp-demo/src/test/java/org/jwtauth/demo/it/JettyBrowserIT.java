package org.jwtauth.demo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page (jwtauth.js, cookie mode) in a real headless Chromium against the WAR file on embedded Jetty: sign
 * in, call the API, let the access token expire, call again and watch the client refresh first, list the user's
 * sessions, sign another device out, sign this one out, sign out everywhere. Skipped when
 * Chromium or its driver is not installed, unless JWTAUTH_REQUIRE_BROWSER=true (then it fails).
 */
class JettyBrowserIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private final DemoFixture fixture = new DemoFixture("PT3S");
    private DeployedDemo demo;
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void start() throws Exception {
        requireBrowser();
        demo = fixture.withSettings(() -> JettyDeployment.start(DemoFixture.war(), fixture.users()));
        // Point Selenium at the installed driver and browser so that it never tries to download either.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory(Files.createDirectories(DemoFixture.target()), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    @Test
    void signInCallApiThenTheExpiringTokenIsRefreshedBeforeTheCallThenSessionsAreListedAndSignedOut() throws Exception {
        browser.get(demo.base().toString());
        assertEquals("Signed out", text("status"));

        signIn();
        assertTrue(text("claims").contains("\"sub\": \"alice\""), text("claims"));
        assertTrue(logLines().get(logLines().size() - 1).endsWith("POST auth/login -> 200"), logLines().toString());

        browser.findElement(By.id("call-me")).click();
        waitFor(() -> logContains("GET api/me -> 200"), "the first API call");
        browser.findElement(By.id("call-admin")).click();
        waitFor(() -> logContains("GET api/admin -> 403 forbidden"), "the admin call to be refused");

        // Past the token's expiry, JwtAuth.fetch refreshes first (one refresh, shared by every tab), then calls.
        waitFor(() -> "expired".equals(text("countdown")), "the countdown to reach zero");
        int before = logLines().size();
        browser.findElement(By.id("call-me")).click();
        waitFor(() -> logLines().size() >= before + 2 && logLines().get(logLines().size() - 1).endsWith("GET api/me -> 200"),
                "the refresh and the call");
        List<String> refreshed = logLines().subList(before, logLines().size());
        assertTrue(refreshed.get(0).endsWith("POST auth/refresh -> 200"), refreshed.toString());
        assertTrue(refreshed.get(1).endsWith("GET api/me -> 200"), refreshed.toString());
        assertTrue(text("response").contains("\"name\": \"alice\""), text("response"));
        assertTrue(text("status").startsWith("Signed in as alice"), text("status"));

        // Another device of alice's, signed in over HTTP: listed, then signed out from this page.
        DemoClient phone = new DemoClient(demo.base());
        DemoClient.Reply phoneLogin = phone.login(DemoFixture.USER, fixture.password(DemoFixture.USER));
        browser.findElement(By.id("list-sessions")).click();
        waitFor(() -> sessions().size() == 2, "both sessions listed");
        assertEquals(1, browser.findElements(By.cssSelector("#sessions li.current")).size());
        browser.manage().window().setSize(new Dimension(1280, 1300));
        screenshot("demo-browser.png");
        browser.findElement(By.cssSelector("#sessions li.other button.revoke")).click();
        waitFor(() -> logContains("POST auth/sessions/revoke -> 204") && sessions().size() == 1,
                "the other device to be signed out");
        DemoClient.Reply phoneRefresh = phone.refreshWithCookie(phoneLogin.string("accessToken"),
                DemoClient.refreshCookie(phoneLogin));
        assertEquals(400, phoneRefresh.status(), "the other device's session ended: " + phoneRefresh);

        browser.manage().window().setSize(new Dimension(390, 844));
        screenshot("demo-browser-phone.png");

        // Sign out this device, from its own line in the list.
        browser.findElement(By.cssSelector("#sessions li.current button.revoke")).click();
        waitFor(() -> logContains("POST auth/logout -> 204") && "Signed out".equals(text("status")), "the sign-out");
        assertTrue(browser.findElement(By.id("login")).isDisplayed(), "the sign-in form is back");
        assertTrue(!browser.findElement(By.id("call-me")).isDisplayed(), "the API buttons are hidden when signed out");

        // Sign out everywhere: this page and another device.
        DemoClient.Reply laptop = phone.login(DemoFixture.USER, fixture.password(DemoFixture.USER));
        signIn();
        int logouts = logLines().size();
        browser.findElement(By.id("logout-all")).click();
        waitFor(() -> "Signed out".equals(text("status")) && logLines().subList(logouts, logLines().size()).stream()
                .anyMatch(l -> l.endsWith("POST auth/logout -> 204")), "the sign-out everywhere");
        DemoClient.Reply laptopRefresh = phone.refreshWithCookie(laptop.string("accessToken"),
                DemoClient.refreshCookie(laptop));
        assertEquals(400, laptopRefresh.status(), "every session ended: " + laptopRefresh);
    }

    private void signIn() {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(DemoFixture.USER);
        browser.findElement(By.id("password")).sendKeys(fixture.password(DemoFixture.USER));
        browser.findElement(By.id("login")).click();
        waitFor(() -> text("status").startsWith("Signed in as alice"), "the page to show the signed-in user");
    }

    private List<WebElement> sessions() {
        return browser.findElements(By.cssSelector("#sessions li"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> logLines() {
        return browser.findElements(By.cssSelector("#log li")).stream().map(WebElement::getText)
                .collect(Collectors.toList());
    }

    private boolean logContains(String entry) {
        return logLines().stream().anyMatch(line -> line.endsWith(entry));
    }

    private void waitFor(java.util.function.BooleanSupplier condition, String what) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            fail("Timed out waiting for " + what + "; log: " + logLines(), e);
        }
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = DemoFixture.target().resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Screenshot: " + target.toAbsolutePath());
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("JWTAUTH_REQUIRE_BROWSER"))) {
            fail(message + "; JWTAUTH_REQUIRE_BROWSER=true makes their absence a failure");
        }
        Assumptions.abort("Skipped: " + message);
    }
}
