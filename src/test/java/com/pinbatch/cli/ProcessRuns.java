package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.SandboxPost;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a separate process, killed at points the test controls, then run again with the same
 * command. The sandbox runs in the test JVM, so it outlives the killed process and tells exactly what was created.
 * Subclasses choose the job repository the processes share.
 */
abstract class ProcessRuns {

	private static final Path JAR = Path.of("target/pinbatch.jar").toAbsolutePath();

	/** The same jar extracted before these tests, with a class archive of a dry run (see the pom): starts faster. */
	private static final Path EXTRACTED_JAR = Path.of("target/process-tests/pinbatch.jar").toAbsolutePath();

	private static final Path CLASS_ARCHIVE = Path.of("target/process-tests/pinbatch.jsa").toAbsolutePath();

	static final int ROWS = 90;

	static final Duration RUN_LIMIT = Duration.ofMinutes(2);

	@TempDir
	Path dir;

	ZernioSandbox sandbox;

	private final AtomicReference<Process> running = new AtomicReference<>();

	private final List<Process> started = new CopyOnWriteArrayList<>();

	/** Variables the processes' environment holds beside the key (a proxy's, say). */
	final Map<String, String> environment = new HashMap<>();

	/** Where the processes reach Zernio: the sandbox. */
	String zernioBaseUrl() {
		return sandbox.baseUrl();
	}

	/** The command-line settings that point a process at the job repository (none: the default HSQLDB file). */
	abstract List<String> repositoryArguments();

	@BeforeEach
	void startSandbox() throws Exception {
		// publishes settle within 200 ms and a run first asks after 300 ms: a finished run follows its pins in under a
		// second, not the 3 to 9 s of the defaults (these tests are about stops and restarts; each starts several)
		sandbox = ZernioSandbox.start(SandboxSettings.defaults().withRequestsPerMinute(6000).withAccountCaps(1000, 1000)
			.withLatency(Duration.ofMillis(20))
			.withPublishDelay(Duration.ofMillis(200)));
	}

	@AfterEach
	void stop() throws Exception {
		for (Process process : started) {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		if (sandbox != null) { // null when the repository was not available and the test was skipped
			sandbox.close();
		}
	}


	void killWhenPostCount(int count, Consumer<Process> kill) {
		AtomicInteger created = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			if (created.incrementAndGet() == count) {
				killAndWait(kill);
			}
		});
	}

	/** Called inside the sandbox's create: the client never hears about the post being created. */
	void killAndWait(Consumer<Process> kill) {
		Process process = running.get();
		kill.accept(process);
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void assertEveryRowExactlyOnce(Path input) {
		assertEveryRowExactlyOnce(input, ROWS);
	}

	/** Every row of the input is in its result file as created, and on the server exactly once. */
	void assertEveryRowExactlyOnce(Path input, int rows) {
		List<Map<String, String>> results = ResultRows.read(results(input));
		assertThat(results).hasSize(rows);
		assertThat(results).extracting(row -> row.get("status")).isSubsetOf("PUBLISHED", "SCHEDULED", "CREATED",
				"DUPLICATE");
		String runKey = runOf(results);
		List<SandboxPost> posts = sandbox.posts().stream()
			.filter(post -> post.metadata().get("pinbatchRun").equals(runKey))
			.toList();
		Map<String, Long> postsPerRow = posts.stream()
			.collect(Collectors.groupingBy(post -> post.metadata().get("pinbatchRow"), Collectors.counting()));
		assertThat(postsPerRow).hasSize(rows).allSatisfy((row, count) -> assertThat(count).as("row " + row).isEqualTo(1));
		Map<String, String> postIds = posts.stream()
			.collect(Collectors.toMap(post -> post.metadata().get("pinbatchRow"), SandboxPost::id));
		assertThat(results).allSatisfy(row -> assertThat(row.get("post_id")).isEqualTo(postIds.get(row.get("row"))));
	}

	/** The run key the input's posts carry, found through the post of its first result row. */
	private String runOf(List<Map<String, String>> results) {
		String postId = results.get(0).get("post_id");
		return sandbox.posts().stream()
			.filter(post -> post.id().equals(postId))
			.map(post -> post.metadata().get("pinbatchRun"))
			.findFirst()
			.orElseThrow();
	}

	int runToEnd(Path input, String name) throws Exception {
		return runToEnd(input, name, dir.resolve("data"));
	}

	int runToEnd(Path input, String name, Path dataFolder) throws Exception {
		return runToEnd(input, name, dataFolder, null);
	}

	int runToEnd(Path input, String name, Path dataFolder, String hostName) throws Exception {
		Process process = start(input, name, dataFolder, hostName);
		assertThat(process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(name + " finished in time").isTrue();
		return process.exitValue();
	}

	Process start(Path input, String name) throws IOException {
		return start(input, name, dir.resolve("data"));
	}

	Process start(Path input, String name, Path dataFolder) throws IOException {
		return start(input, name, dataFolder, null);
	}

	/**
	 * The data folder and host name stand for the machine: two folders are two machines sharing only the job
	 * repository, and a host name (HOSTNAME, as in a container) makes the process look as if it ran elsewhere.
	 */
	Process start(Path input, String name, Path dataFolder, String hostName) throws IOException {
		// the client compiler only and the serial collector: a process that lives seconds starts in about half the
		// CPU time (most of a test is process starts); what the jar does is the same
		List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(jar());
		command.addAll(List.of("--input=" + input,
				"--zernio.base-url=" + zernioBaseUrl(), "--pinbatch.data-dir=" + dataFolder,
				"--pinbatch.chunk-size=10", "--pinbatch.throttle.account-hourly-cap=1000",
				"--pinbatch.throttle.account-daily-cap=1000", "--pinbatch.throttle.initial-requests-per-minute=6000",
				"--pinbatch.follow.poll-interval=300ms", "--pinbatch.input-settle=0s"));
		command.addAll(repositoryArguments());
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile());
		builder.environment().put("ZERNIO_API_KEY", ZernioSandbox.API_KEY);
		builder.environment().putAll(environment);
		if (hostName != null) {
			builder.environment().put("HOSTNAME", hostName);
		}
		Process process = builder.start();
		started.add(process);
		running.set(process);
		return process;
	}

	/**
	 * How to start the jar: extracted with its class archive when those were made from the packaged jar as it is
	 * now (a jar packaged since, say from an IDE, is started as it is).
	 */
	private static List<String> jar() throws IOException {
		if (Files.isRegularFile(CLASS_ARCHIVE) && Files.isRegularFile(EXTRACTED_JAR)
				&& Files.getLastModifiedTime(EXTRACTED_JAR).compareTo(Files.getLastModifiedTime(JAR)) >= 0) {
			return List.of("-XX:SharedArchiveFile=" + CLASS_ARCHIVE, "-Xlog:cds=off", "-jar", EXTRACTED_JAR.toString());
		}
		return List.of("-jar", JAR.toString());
	}

	String log(String name) {
		try {
			return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Where the result file of this input goes by default: a workbook's is a workbook. */
	Path results(Path input) {
		String name = input.getFileName().toString();
		String extension = name.endsWith(".xlsx") ? ".results.xlsx" : ".results.csv";
		return input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
	}

	Path pins(int rows) throws IOException {
		return pins(dir.resolve("pins.csv"), "Pin", rows);
	}

	/** Pins titled "TITLE pin N" whose text and image are unique to the title, so files never repeat content. */
	Path pins(Path file, String title, int rows) throws IOException {
		String[][] accounts = { { "acme-home", "Kitchen Ideas" }, { "acme-garden", "Garden Projects" },
				{ "acme-recipes", "Quick Breakfasts" } };
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int i = 0; i < rows; i++) {
			String[] account = accounts[i % accounts.length];
			csv.append(title).append(" pin ").append(i).append(",Description number ").append(i).append(" of ")
				.append(title).append(" for the crash test,https://images.example.com/crash/").append(title)
				.append('/').append(i).append(".jpg,").append(account[1]).append(',').append(account[0])
				.append('\n');
		}
		return Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	/** The same rows as an XLSX workbook. */
	static Path workbook(Path csv, Path xlsx) throws IOException {
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			Sheet sheet = book.createSheet("Pins");
			for (int i = 0; i < lines.size(); i++) {
				Row row = sheet.createRow(i);
				String[] cells = lines.get(i).split(",");
				for (int c = 0; c < cells.length; c++) {
					row.createCell(c).setCellValue(cells[c]);
				}
			}
			book.write(out);
		}
		Files.delete(csv);
		return xlsx;
	}

	static void holdUntil(CountDownLatch latch) {
		try {
			latch.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
