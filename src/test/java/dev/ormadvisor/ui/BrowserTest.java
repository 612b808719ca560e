package dev.ormadvisor.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class walking the pages in one headless browser, opened at its first test on the service's port and
 * closed after its last, each test starting from a window of the class's width.
 */
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromiumIsThere() {
        Browser.requireChromium();
    }

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = Browser.open(port);
        }
        browser.resize(windowWidth(), 1000);
    }

    /** Wide enough for the class's pages side by side, for the screenshots. */
    int windowWidth() {
        return 1280;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
