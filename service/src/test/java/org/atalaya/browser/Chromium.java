package org.atalaya.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through its chromedriver, reading Spanish first; without them on the
 * machine the calling test is skipped (CI installs them). Screenshots go to {@code
 * target/screenshots/}.
 */
final class Chromium {
  static final Path SHOTS = Path.of("target", "screenshots");

  private Chromium() {}

  static WebDriver start(int width, int height) {
    Optional<Path> driver = onPath("chromedriver");
    Optional<Path> chromium =
        onPath("chromium").or(() -> onPath("chromium-browser")).or(() -> onPath("google-chrome"));
    Assumptions.assumeTrue(
        driver.isPresent() && chromium.isPresent(),
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver);"
            + " the browser test is skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height);
    // Headless chromium ignores --lang; the pages follow Accept-Language, which this sets.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-PA,es"));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.get().toFile())
            .usingAnyFreePort()
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return browser;
  }

  /** Clicks what submits a form and waits until the next page has replaced this one. */
  static void submit(WebDriver browser, By what, Duration wait) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(what).click();
    new WebDriverWait(browser, wait).until(driver -> gone(page));
  }

  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true; // StaleElementReferenceException, or "node does not belong to the document"
    }
  }

  static void shot(WebDriver browser, String name) throws IOException {
    Files.createDirectories(SHOTS);
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
