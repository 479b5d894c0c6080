package io.attache.serve;

import static io.attache.serve.ServingHarness.mention;
import static org.assertj.core.api.Assertions.assertThat;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (the system's {@code chromium} and {@code chromedriver};
 * nothing is downloaded): live alerts arrive over SSE, tables fill, and text from articles that
 * carries markup is shown as text, never run.
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=\"window.injected=1\">";
    static final Principal OKAFOR = new Principal("ngozi-okafor", "Ngozi Okafor", "NG", "President", true);
    static final Principal LARSEN = new Principal("ida-larsen", "Ida Larsen", "DK", "Prime Minister", true);

    @Test
    @DisplayName("The dashboard shows a new alert live, fills its tables, renders article markup as text, and passes a token on")
    void liveAndEscaped() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no browser installed (needs /usr/bin/chromium and /usr/bin/chromedriver: apt-get install chromium chromium-driver)");
        try (ServingHarness h = new ServingHarness()) {
            ServingHarness.Instance app = h.startAlone();
            h.publish(mention("d0", EventType.MEETING, EventStatus.COMPLETED, LARSEN, List.of(OKAFOR), "DK", "Copenhagen",
                    "trade talks", "2026-11-10", "2026-11-10T12:00:00Z"));
            ServingHarness.await(Duration.ofSeconds(60), "the first event served",
                    () -> h.get(app.base() + "/api/leaders/ida-larsen").statusCode() == 200);

            WebDriver browser = chromium(h.dir.resolve("chromium-profile"));
            try {
                browser.get(app.base() + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(d -> d.findElement(By.id("conn")).getText().equals("live"));
                wait.until(d -> d.findElements(By.cssSelector("#leaders tbody tr")).size() == 2);

                h.publish(mention("d1", EventType.VISIT, EventStatus.PLANNED, OKAFOR, List.of(), "DK", IMG, SCRIPT,
                        "2027-02", "2026-11-21T09:00:00Z"));
                WebElement alert = wait.until(d -> d.findElements(By.cssSelector("#alerts li")).stream()
                        .filter(li -> li.getText().contains("Ngozi Okafor visits")).findFirst().orElse(null));
                assertThat(alert.getText()).contains(SCRIPT).contains(IMG).contains("PLANNED");
                wait.until(d -> d.findElement(By.id("upcoming")).getText().contains(SCRIPT));

                browser.findElement(By.cssSelector("#leaders tr[data-leader='ngozi-okafor']")).click();
                wait.until(d -> d.findElement(By.id("timeline")).getText().contains(SCRIPT));
                wait.until(d -> d.findElement(By.id("relations")).getText().contains("DK – NG"));
                // the tables follow the alert: Okafor's visit abroad is counted, and in the pair's visits
                wait.until(d -> cells(d, "#leaders tr[data-leader='ngozi-okafor'] td").get(2).equals("1"));
                wait.until(d -> cells(d, "#relations tr[data-dyad='DK|NG'] td").get(1).equals("1"));
                // a pair's events come from /api/events?pair=
                browser.findElement(By.cssSelector("#relations tr[data-dyad='DK|NG']")).click();
                wait.until(d -> d.findElement(By.id("timeline-title")).getText().contains("DK and NG"));
                wait.until(d -> d.findElements(By.cssSelector("#timeline li")).size() == 2
                        && d.findElement(By.id("timeline")).getText().contains("PLANNED 2027-02 · visit · Ngozi Okafor visits")
                        && d.findElement(By.id("timeline")).getText().contains("Ida Larsen meets Ngozi Okafor"));

                assertThat(browser.findElements(By.cssSelector("main script, main img"))).as("no markup from articles").isEmpty();
                assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === undefined")).isEqualTo(true);
                assertThat(noDialog(browser)).as("no alert() dialog").isTrue();

                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.createDirectories(Path.of("target"));
                Files.copy(shot, Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

                // behind a token, the page opened with ?access_token passes it on to the API and the stream
                AttacheServer guarded = AttacheServer.start(app.app(), h.config(0, "", "tok3n", "unused"));
                try {
                    browser.get("http://127.0.0.1:" + guarded.port() + "/?access_token=tok3n");
                    wait.until(d -> d.findElement(By.id("conn")).getText().equals("live"));
                    wait.until(d -> d.findElements(By.cssSelector("#leaders tbody tr")).size() == 2
                            && d.findElements(By.cssSelector("#alerts li")).size() == 2);
                } finally {
                    guarded.close();
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static List<String> cells(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static boolean noDialog(WebDriver browser) {
        try {
            browser.switchTo().alert();
            return false;
        } catch (NoAlertPresentException expected) {
            return true;
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        return new ChromeDriver(service, options);
    }
}
