package dev.ormadvisor.ui;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver, both given explicitly so that Selenium Manager never
 * looks for (or downloads) anything. Missing Chromium skips the browser tests on a developer machine and fails them
 * in CI (environment variable {@code CI} set).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    /** Where the browser saves downloads, without asking. */
    final Path downloads;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, Path downloads, String base) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.base = base;
    }

    /** Skips (developer machine) or fails (CI) when the system's Chromium is not installed. */
    static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String missing = CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            fail("CI is set but the browser tests cannot run: " + missing);
        }
        assumeTrue(false, "Browser tests skipped: " + missing);
    }

    static Browser open(int port) {
        requireChromium();
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Path downloads = Files.createDirectories(profile.resolve("downloads")).toAbsolutePath();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "safebrowsing.enabled", false));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            return new Browser(driver, profile, downloads, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    WebDriverWait waiting() {
        return waiting(Duration.ofSeconds(10));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** target/screenshots/{name}.png: the whole page (the window is stretched to its height for the shot). */
    void screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(size.getWidth(),
                    Math.min(8000, Math.max(size.getHeight(), height.intValue() + 140))));
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
