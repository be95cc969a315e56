package com.pinbatch.console;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

import com.pinbatch.cli.PinbatchApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console end to end in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs) against the console started in-process on a free port with the sandbox, as
 * {@code --serve --sandbox} starts it. Skipped, saying why, where Chromium is not installed.
 */
class ConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** The rows of the sheet whose send the console's stop cuts short. */
	private static final int SHELVES = 12;

	@TempDir
	Path dir;

	ConfigurableApplicationContext console;

	WebDriver browser;

	String base;

	@BeforeEach
	void start() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"headless Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// a closed network: no first-run, sync, component or background requests, no QUIC
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (console != null) {
			console.close();
		}
	}

	/** Starts the console in-process on a free port, as {@code --serve --sandbox} with these options starts it. */
	private void startConsole(String... options) {
		List<String> args = new ArrayList<>(List.of("--serve", "--sandbox", "--server.port=0",
				"--pinbatch.data-dir=" + dir.resolve("data")));
		args.addAll(List.of(options));
		console = PinbatchApplication.startConsole(args.toArray(String[]::new));
		base = console.getBean(ConsoleAddress.class).url();
	}

	@Test
	void uploadReviewSendWatchAndDownloadTheResult() throws Exception {
		startConsole("--pinbatch.sandbox.publish-delay=0s");
		browser.get(base);
		browser.findElement(By.cssSelector("form#upload input[type=file]"))
			.sendKeys(Path.of("samples/mixed.csv").toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form#upload button[type=submit]")).click();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
		List<WebElement> invalid = browser.findElements(By.cssSelector("#rows tr.invalid"));
		assertThat(invalid).isNotEmpty();
		assertThat(invalid).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td.message")).getText())
			.isNotBlank());
		assertThat(browser.findElement(By.id("rows")).getText()).contains("INVALID", "VALID");
		int rows = browser.findElements(By.cssSelector("#rows tbody tr")).size();
		// on a laptop's width a row's status reads whole, however long the title beside it (before: "INVAL" / "ID")
		browser.manage().window().setSize(new Dimension(1024, 768));
		assertThat(browser.findElements(By.cssSelector("#rows td .status")))
			.allSatisfy(status -> assertThat(((JavascriptExecutor) browser)
				.executeScript("return arguments[0].getClientRects().length", status)).as(status.getText())
				.isEqualTo(1L));
		// on a phone's width the table scrolls within itself, not the page (before: 720 px of page in a 500 px
		// window, the whole page scrolling sideways)
		browser.manage().window().setSize(new Dimension(500, 800));
		assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"
				+ " <= document.documentElement.clientWidth")).as("the page fits the window's width").isEqualTo(true);
		browser.manage().window().setSize(new Dimension(1024, 768));

		WebElement send = browser.findElement(By.cssSelector("form#send button"));
		assertThat(send.getText()).matches("Send \\d+ pins?");
		send.click();

		// the progress part is refreshed in place (no reload) until the run ends
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#progress .state"), "Finished"));
		browser.findElement(By.id("see-result")).click();
		String href = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download"))).getAttribute("href");
		HttpResponse<String> result = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.headers().firstValue("Content-Disposition").orElse("")).contains("mixed.results.csv");
		List<CSVRecord> records = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(result.body().replace("\uFEFF", "")))
			.getRecords();
		assertThat(records).hasSize(rows);
		assertThat(records).extracting(record -> record.get("status"))
			.contains("INVALID")
			.doesNotContain("VALID")
			.allSatisfy(status -> assertThat(status).isIn("INVALID", "FAILED", "PUBLISHED", "SCHEDULED", "CREATED",
					"DUPLICATE"));
	}

	/**
	 * The console stopped in the middle of a send (its process ended: Ctrl-C, a reboot): once it is started again,
	 * the run's line in the history leads back to the upload, and Send there goes on where the run stopped. Every
	 * row ends on Zernio, each pin created once (the sandbox keeps its posts in a file across the two consoles).
	 */
	@Test
	void theUploadFormReadsDatesInTheBrowsersTimeZone() throws Exception {
		// given: a person in New York, and a sheet of local times without a zone
		startConsole();
		((ChromeDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride",
				java.util.Map.of("timezoneId", "America/New_York"));
		Path sheet = Files.writeString(dir.resolve("march.csv"), "title,media_url,board,publish_at\n"
				+ "Lamp,https://images.example.com/lamp.jpg,Kitchen Ideas,2027-03-01 09:30\n");

		// when: the form is sent as it comes
		browser.get(base);
		WebElement zone = browser.findElement(By.cssSelector("form#upload input[name=timezone]"));
		assertThat(zone.getAttribute("value")).isEqualTo("America/New_York");
		browser.findElement(By.cssSelector("form#upload input[type=file]")).sendKeys(sheet.toString());
		browser.findElement(By.cssSelector("form#upload button[type=submit]")).click();

		// then: 09:30 is New York's, not UTC's (before, the field said UTC and the pin went out 5 hours early)
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
		assertThat(browser.findElement(By.cssSelector("#rows td.when")).getText()).endsWith("09:30 America/New_York");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("read as UTC");
		// and the history gives the review's time in New York's too (before: the server's, in UTC)
		browser.get(base + "history");
		assertThat(browser.findElement(By.cssSelector("table tbody tr time")).getText())
			.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} America/New_York");
	}

	@Test
	void aSendCutShortByTheConsoleStoppingGoesOnFromTheHistoryOnceItIsBack() throws Exception {
		StringBuilder pins = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int i = 1; i <= SHELVES; i++) {
			pins.append("Shelf ").append(i).append(",Open shelf idea ").append(i)
				.append(",https://images.example.com/shelf/").append(i).append(".jpg,Kitchen Ideas,acme-home,2030-03-")
				.append(String.format(java.util.Locale.ROOT, "%02d", i)).append(" 09:00\n");
		}
		Path sheet = Files.writeString(dir.resolve("shelves.csv"), pins.toString());
		Path sandboxPosts = dir.resolve("sandbox.jsonl");
		// a ceiling of 120 requests a minute: the send takes about 6 s, time enough to stop the console in it
		String[] slowSandbox = { "--pinbatch.sandbox.requests-per-minute=120",
				"--pinbatch.sandbox.state-file=" + sandboxPosts };
		startConsole(slowSandbox);
		browser.get(base);
		browser.findElement(By.cssSelector("form#upload input[type=file]")).sendKeys(sheet.toString());
		browser.findElement(By.cssSelector("form#upload button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#send button"))).click();
		// (a pin or more sent: "not sending yet", then "0 of 40 rows" before)
		wait.until(driver -> driver.findElement(By.cssSelector("#progress .done")).getText()
			.matches("[1-9]\\d* of .*"));
		// the result's address opened while the send goes on leads back to the run's page (before: "Not found",
		// "it may be someone else's")
		String runPage = browser.getCurrentUrl();
		browser.get(runPage + "/result");
		assertThat(browser.getCurrentUrl()).isEqualTo(runPage);
		assertThat(browser.getTitle()).doesNotStartWith("Not found");

		console.close();
		assertThat(creates(sandboxPosts)).as("pins sent before the console stopped").hasSizeBetween(1, SHELVES - 1);
		startConsole(slowSandbox);
		browser.get(base + "history");
		browser.findElement(By.cssSelector("a.go-on")).click();
		WebElement send = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#send button")));
		// the words name the button that goes on (before: "Send goes on", beside a button 'Go on where it stopped')
		assertThat(browser.findElement(By.cssSelector("p.stopped")).getText())
			.contains("Go on where it stopped, below, sends the rest");
		send.click();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("#progress .state"), "Finished"));

		assertThat(browser.findElement(By.cssSelector("#progress .counts")).getText()).as(browser.getPageSource())
			.isEqualTo(SHELVES + " SCHEDULED");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("see-result"))).click();
		// pins scheduled for 2030: Follow up comes once the first one's time has (before: offered now, for nothing)
		assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-later"))).getText())
			.as("scheduled pins to follow up later").contains("Follow up is offered here once the first one's time has"
					+ " come (Fri 1 Mar 2030, 09:00");
		assertThat(browser.findElements(By.cssSelector("form#follow-up"))).isEmpty();
		assertThat(creates(sandboxPosts)).hasSize(SHELVES).doesNotHaveDuplicates();
		browser.get(base + "history");
		assertThat(historyLines("shelves.csv")).as("status and rows of each run of the file")
			.contains(List.of("STOPPED", String.valueOf(SHELVES)), List.of("COMPLETED", String.valueOf(SHELVES)))
			.allSatisfy(line -> assertThat(line.get(1)).isEqualTo(String.valueOf(SHELVES)));
		browser.get(base + "uploads/0123456789abcdef01234567");
		assertThat(browser.getTitle()).isEqualTo("Not found - pinbatch");
		assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
	}

	/** The history's lines of the runs of {@code file}, each as its status and rows. */
	private List<List<String>> historyLines(String file) {
		List<String> headers = browser.findElements(By.cssSelector("table thead th")).stream()
			.map(WebElement::getText)
			.toList();
		int status = headers.indexOf("Status");
		int rows = headers.indexOf("Rows");
		return browser.findElements(By.cssSelector("table tbody tr")).stream()
			.map(line -> line.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.filter(cells -> cells.stream().anyMatch(cell -> cell.contains(file)))
			.map(cells -> List.of(cells.get(status), cells.get(rows)))
			.toList();
	}

	/** The pins the sandbox created, by their description ("Open shelf idea 7"). */
	private static List<String> creates(Path sandboxPosts) throws IOException {
		return Files.readAllLines(sandboxPosts).stream()
			.filter(line -> line.contains("\"requestBody\""))
			.map(line -> line.replaceFirst("^.*(Open shelf idea \\d+).*$", "$1"))
			.toList();
	}
}
