package org.strata.e2e;

import org.strata.server.access.ApiTokens;
import org.strata.server.access.Role;
import org.strata.server.access.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.strata.server.StrataApplication;
import org.strata.server.demo.DemoSetup;
import org.strata.server.demo.DemoSettings;

/**
 * Starts Strata in-process on a private in-memory H2 database with a small demo company set up as {@code strata demo}
 * sets it up (RFM 8 classes and lifecycle published and run monthly over a year), plus the retail scheme published
 * and run once for the editor's and the customer pages' tests, and drives Debian's Chromium through it.
 * Every test leaves a screenshot in target/screenshots named after it.
 */
@SpringBootTest(classes = StrataApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:strata-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "server.address=127.0.0.1"})
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The demo's "now": fixed, so that the data and the charts are the same at every run. */
    static final Instant DEMO_NOW = Instant.parse("2026-11-20T04:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The administrator the tests sign in as; created with the demo data, since Strata ships no default user. */
    static final String USERNAME = "e2e-admin";
    private static final String PASSWORD = "E2e-Strata-Passw0rd!";

    private static boolean seeded;
    private static String apiToken;
    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    DemoSetup demo;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;

    @BeforeAll
    static void startBrowser() throws IOException {
        Path profile = Files.createTempDirectory("strata-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverBinary()).toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (BrowserTest.class) {
            if (!seeded) {
                long admin = accounts.create(USERNAME, "E2E", null, null, Role.ADMIN, null, PASSWORD);
                apiToken = tokens.create(admin, "e2e", Duration.ofDays(1)).token();
                demo.prepare(new DemoSettings(DemoSettings.DEFAULT_SEED, 1_500, DEMO_NOW, ZoneId.of("Asia/Shanghai")));
                post("/api/v1/tiering/presets/retail/instantiate", "{}");
                post("/api/v1/tiering/schemes/retail/publish", "{\"note\":\"e2e\"}");
                post("/api/v1/tiering/schemes/retail/runs", "{\"asOf\":\"2026-11-20\"}");
                seeded = true;
            }
        }
        signIn();
        driver.get(url("/language?lang=zh-CN"));
    }

    /** Signs in through the real form (a new session each test; the form page itself is in Chinese by default). */
    void signIn() {
        driver.get(url("/login?lang=zh-CN"));
        waitFor(By.id("username")).sendKeys(USERNAME);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        capture(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
    }

    /** Saves a screenshot of the whole page as target/screenshots/{name}.png (tests with several pages name each). */
    void capture(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // The whole page at 1280 px wide: DevTools captures beyond the window, which stays 1280 x 1000.
        ChromeDriver chrome = (ChromeDriver) driver;
        Number height = (Number) chrome.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of(
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1280,
                        "height", Math.min(height.intValue(), 6000), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Markup in a name was shown as text: no script of it ran (it would have opened an alert). */
    void assertNoScriptRan() {
        boolean alerted;
        try {
            driver.switchTo().alert();
            alerted = true;
        } catch (NoAlertPresentException expected) {
            alerted = false;
        }
        org.assertj.core.api.Assertions.assertThat(alerted).as("a script in a name ran").isFalse();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiToken).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    void open(String path) {
        driver.get(url(path));
    }

    /**
     * Waits until a condition holds; a condition that reads an element the page has just replaced (a reload, a
     * redraw) is asked again instead of failing the test.
     */
    FluentWait<WebDriver> waiting() {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    Cookie languageCookie() {
        return driver.manage().getCookieNamed("strata-lang");
    }

    private static String browserBinary() {
        return System.getProperty("strata.e2e.chromium", "/usr/bin/chromium");
    }

    private static String driverBinary() {
        return System.getProperty("strata.e2e.chromedriver", "/usr/bin/chromedriver");
    }
}
