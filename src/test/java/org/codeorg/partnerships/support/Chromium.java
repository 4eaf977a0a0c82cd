package org.codeorg.partnerships.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium for the browser tests (never a downloaded browser): the flags that
 * work as root on a CI machine, each browser with a profile directory of its own.
 */
public final class Chromium {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {
  }

  /**
   * Whether Debian's chromium and chromedriver are installed (the browser tests' {@code @EnabledIf}).
   *
   * @throws IllegalStateException when REQUIRE_BROWSER=true (CI) and they are not: a missing browser fails instead of skipping
   */
  public static boolean available() {
    boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!installed && "true".equals(System.getenv("REQUIRE_BROWSER"))) {
      throw new IllegalStateException("REQUIRE_BROWSER=true but chromium/chromedriver are not installed");
    }
    return installed;
  }

  /**
   * @param profile a new, empty directory for the browser's profile
   * @param windowSize width and height in CSS pixels, e.g. {@code "1400,1100"}
   */
  public static ChromeOptions options(Path profile, String windowSize) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + windowSize, "--user-data-dir=" + profile);
    return options;
  }

  /** Starts Debian's chromedriver on a free port and a browser with these options; quit it when done. */
  public static ChromeDriver start(ChromeOptions options) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
