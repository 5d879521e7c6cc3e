package se.loftesgrafen.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through chromedriver (see {@link Browser} for where they are found), with the helpers
 * the page tests share: open a page of the service and wait until its view says {@code data-state="ready"}, resize,
 * measure sideways scrolling, save a screenshot under target/screenshots/.
 */
public final class Chrome implements AutoCloseable {
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Chrome(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** Fails (CI) or skips (elsewhere) when Chromium is missing; {@code profile} is a fresh folder for its profile. */
  public static Chrome start(Path profile) throws IOException {
    return start(profile, new String[0]);
  }

  /** As {@link #start(Path)}, with more command-line switches (e.g. {@code --blink-settings=scriptEnabled=false}). */
  public static Chrome start(Path profile, String... switches) throws IOException {
    Browser.require(Browser.chromium(), Browser.chromedriver());
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Browser.chromium().toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,900", "--hide-scrollbars", "--user-data-dir=" + Files.createDirectories(profile));
    options.addArguments(switches);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Browser.chromedriver().toFile()).usingAnyFreePort().build();
    return new Chrome(new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiter() {
    return wait;
  }

  /** Opens a URL and waits until the page's view is drawn ({@code body[data-state=ready]}). */
  public void open(String url) {
    driver.get(url);
    ready();
  }

  public void ready() {
    wait.until(d -> {
      String state = d.findElement(By.tagName("body")).getAttribute("data-state");
      return "ready".equals(state) || "error".equals(state);
    });
  }

  /** The window's size; a phone is 390 × 844 CSS pixels. */
  public void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** How many pixels the document is wider than the window: above 0 means sideways scrolling. */
  public long overflow() {
    return (Long) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;");
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The whole page as it is drawn now, as target/screenshots/NAME.png. */
  public Path screenshot(String name) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Path to = SCREENSHOTS.resolve(name + ".png");
    Files.copy(shot, to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
