package org.jwtauth.demo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its ChromeDriver, one fresh profile per instance (its tabs share it, as a
 * user's do). Nothing is downloaded: Selenium is pointed at the installed binaries. Absent binaries skip the test
 * with the reason, unless JWTAUTH_REQUIRE_BROWSER=true (then they fail it).
 */
final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static Chromium start() throws Exception {
        requireBrowser();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory(Files.createDirectories(DemoFixture.target()), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Background tabs keep their timers running at full speed, like the tab a user looks at.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options));
    }

    /** Runs {@code source} in every page of this browser before the page's own scripts (Chrome DevTools Protocol). */
    void beforeEveryPage(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    void waitFor(BooleanSupplier condition, Duration atMost, Supplier<String> what) {
        try {
            new WebDriverWait(driver, atMost).until(d -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            fail("Timed out waiting for " + what.get(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
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
