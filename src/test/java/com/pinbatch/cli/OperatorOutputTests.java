package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator reads: the summary printed at the end of a run, the JSON summary, the log output of an unwatched
 * run, and that the API key shows up nowhere. Standard output and error of the process are captured too, since the
 * log lines go there rather than to the command's own streams.
 */
class OperatorOutputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FAKE_REAL_KEY = "sk_live_4f8e2b19c7d34a6e9b0f1a2c3d4e5f60718293a4b5c6d7e8";

	@TempDir
	Path dir;

	private ZernioSandbox sandbox;

	private final ByteArrayOutputStream processOut = new ByteArrayOutputStream();

	private final ByteArrayOutputStream processErr = new ByteArrayOutputStream();

	private PrintStream originalOut;

	private PrintStream originalErr;

	@BeforeEach
	void start() {
		// a ceiling ten times Zernio's, followed from the first request: every request waits 10 ms, not 100
		sandbox = ZernioSandbox.start(SandboxSettings.defaults().withRequestsPerMinute(6000));
		System.setProperty("zernio.api-key", ZernioSandbox.API_KEY);
		originalOut = System.out;
		originalErr = System.err;
		System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void stop() {
		System.setOut(originalOut);
		System.setErr(originalErr);
		sandbox.close();
		System.clearProperty("zernio.api-key");
	}

	@Test
	void mixedRunPrintsAndWritesTheSummary() throws IOException {
		// given
		Path input = copySample("mixed.csv");
		Path summary = dir.resolve("reports/summary.json");

		// when
		CommandLineRun run = run("--input=" + input, "--summary=" + summary);

		// then the first line says what is starting, before anything else is ready
		assertThat(run.out()).startsWith("pinbatch: starting: 1 input (mixed.csv)...\n");

		// and the printed summary
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> results = ResultRows.read(dir.resolve("mixed.results.csv"));
		long published = results.stream().filter(row -> row.get("status").equals("PUBLISHED")).count();
		long scheduled = results.stream().filter(row -> row.get("status").equals("SCHEDULED")).count();
		assertThat(published + scheduled).isEqualTo(4);
		assertThat(run.out()).contains("15 rows: " + published + " PUBLISHED, " + scheduled + " SCHEDULED, 10 INVALID,"
				+ " 1 FAILED")
			.contains("link_not_https: 1 row, e.g. row 4")
			.contains("acme-home: 0 published, 0 failed (1 SCHEDULED)")
			// the account disconnected in Zernio is named with its failed row: that is the account to reconnect
			.contains("acme-archive: 0 published, 1 failed (1 FAILED)")
			.contains("results: " + dir.resolve("mixed.results.csv").toAbsolutePath())
			.contains("--retry-failed=" + dir.resolve("mixed.results.csv"))
			.contains("--pinbatch.data-dir=");

		// and the same as JSON
		JsonNode document = JSON.readTree(summary.toFile());
		assertThat(document.get("exitCode").asInt()).isEqualTo(3);
		assertThat(document.get("reason").isNull()).isTrue();
		assertThat(document.get("inputs")).hasSize(1);
		JsonNode entry = document.get("inputs").get(0);
		assertThat(entry.get("input").asString()).isEqualTo(input.toAbsolutePath().toString());
		assertThat(entry.get("resultFile").asString()).endsWith("mixed.results.csv");
		assertThat(entry.get("exitCode").asInt()).isEqualTo(3);
		assertThat(entry.get("rows").asLong()).isEqualTo(15);
		assertThat(entry.get("counts").get("PUBLISHED").asLong()).isEqualTo(published);
		assertThat(entry.get("counts").get("SCHEDULED").asLong()).isEqualTo(scheduled);
		assertThat(entry.get("counts").get("CREATED").asLong()).isZero();
		assertThat(entry.get("counts").get("INVALID").asLong()).isEqualTo(10);
		assertThat(entry.get("counts").get("FAILED").asLong()).isEqualTo(1);
		assertThat(entry.get("counts").get("PENDING").asLong()).isZero();
		assertThat(entry.get("jobInstanceId").isNumber()).isTrue();
		assertThat(entry.get("jobExecutionId").isNumber()).isTrue();
		assertThat(entry.get("runKey").asString()).matches("[0-9a-f]{32}");
		assertThat(Instant.parse(entry.get("endTime").asString()))
			.isAfterOrEqualTo(Instant.parse(entry.get("startTime").asString()));
		assertThat(entry.get("errorCodes")).hasSize(11);
		JsonNode linkProblem = Stream.of(entry.get("errorCodes").values().toArray(JsonNode[]::new))
			.filter(code -> code.get("code").asString().equals("link_not_https"))
			.findFirst().orElseThrow();
		assertThat(linkProblem.get("count").asLong()).isEqualTo(1);
		assertThat(linkProblem.get("exampleRow").asLong()).isEqualTo(4);
		long onZernioByAccount = 0;
		for (JsonNode account : entry.get("accounts").values()) {
			onZernioByAccount += account.path("PUBLISHED").asLong(0) + account.path("SCHEDULED").asLong(0);
		}
		assertThat(entry.get("accounts").propertyNames()).contains("acme-home");
		assertThat(onZernioByAccount).isEqualTo(published + scheduled);
		assertThat(entry.get("nextCommand").asString()).contains("--retry-failed=");
		// the scheduled pins' outcome is still to learn, and how (before: nothing said, followUpCommand null)
		assertThat(scheduled).isPositive();
		assertThat(run.out()).contains(scheduled + " row" + (scheduled == 1 ? " is" : "s are") + " scheduled; to learn"
				+ " whether Pinterest published");
		assertThat(entry.get("followUpCommand").asString()).contains("--follow-up=" + dir.resolve("mixed.results.csv"));
	}

	@Test
	void aRetryCountsTheRowsItCarriesOverUnderTheirAccounts() throws IOException {
		// given: a run that put some pins on Zernio and refused the rest
		Path input = copySample("mixed.csv");
		run("--input=" + input);
		Path summary = dir.resolve("summary.json");

		// when: the refused rows are retried as they are
		CommandLineRun retry = run("--retry-failed=" + dir.resolve("mixed.results.csv"), "--summary=" + summary);

		// then the pins on Zernio, all carried over, are still counted under their accounts
		JsonNode entry = JSON.readTree(summary.toFile()).get("inputs").get(0);
		long onZernio = entry.get("counts").get("PUBLISHED").asLong() + entry.get("counts").get("SCHEDULED").asLong();
		assertThat(onZernio).as(retry.toString()).isEqualTo(4);
		long onZernioByAccount = 0;
		for (JsonNode account : entry.get("accounts").values()) {
			onZernioByAccount += account.path("PUBLISHED").asLong(0) + account.path("SCHEDULED").asLong(0);
		}
		assertThat(onZernioByAccount).as(retry.toString()).isEqualTo(onZernio);
		assertThat(retry.out()).contains("acme-home: 0 published, 0 failed (1 SCHEDULED)");
	}

	@Test
	void aUsageErrorReplacesAnOlderSummaryWithItsExitCodeAndReason() throws IOException {
		// given: the summary of a good run
		Path input = copySample("pins.csv");
		Path summary = dir.resolve("summary.json");
		assertThat(run("--input=" + input, "--summary=" + summary).exitCode()).isZero();

		// when: a mistyped option, then an input that is not there
		CommandLineRun typo = run("--input=" + input, "--dryrun", "--summary=" + summary);
		JsonNode afterTypo = JSON.readTree(summary.toFile());
		CommandLineRun missing = run("--input=" + dir.resolve("nowhere.csv"), "--summary=" + summary);
		JsonNode afterMissing = JSON.readTree(summary.toFile());

		// then
		assertThat(typo.exitCode()).isEqualTo(2);
		assertThat(afterTypo.get("exitCode").asInt()).isEqualTo(2);
		assertThat(afterTypo.get("reason").asString()).isEqualTo("unknown option --dryrun; did you mean --dry-run? (see --help)");
		assertThat(afterTypo.get("inputs")).isEmpty();
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(afterMissing.get("exitCode").asInt()).isEqualTo(2);
		assertThat(afterMissing.get("reason").asString()).contains("nowhere.csv");
		assertThat(missing.err()).contains(afterMissing.get("reason").asString());
	}

	@Test
	void aSummaryThatCannotBeWrittenIsRefusedBeforeAnythingIsSent() throws IOException {
		// given: a summary asked for inside a file (a mistyped folder), and one that names a folder
		Path input = copySample("pins.csv");
		Path notAFolder = Files.writeString(dir.resolve("reports"), "a file, not a folder");
		Path folder = Files.createDirectories(dir.resolve("nightly.json"));

		// when
		CommandLineRun inFile = run("--input=" + input, "--summary=" + notAFolder.resolve("nightly.json"));
		CommandLineRun atFolder = run("--input=" + input, "--summary=" + folder);

		// then: each says what to fix in one line, and nothing was sent
		assertThat(inFile.exitCode()).as(inFile.toString()).isEqualTo(2);
		assertThat(inFile.err().strip()).isEqualTo("pinbatch: cannot write the summary file "
				+ notAFolder.resolve("nightly.json") + " (" + notAFolder + ": not a folder); choose another --summary");
		assertThat(atFolder.exitCode()).as(atFolder.toString()).isEqualTo(2);
		assertThat(atFolder.err().strip())
			.isEqualTo("pinbatch: the summary file " + folder + " is a folder; choose another --summary");
		assertThat(sandbox.postCount()).isZero();
		assertThat(dir.resolve("pins.results.csv")).doesNotExist();
	}

	@Test
	void anExpectedStopPrintsItsOneLineAndTheSummaryWithoutAStackTrace() throws IOException {
		// given: Zernio failing every create, so the run stops after the first send
		Path input = copySample("pins.csv");
		sandbox.failNextCreates(10_000, 503);

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.throttle.initial-backoff=1ms",
				"--pinbatch.throttle.breaker-failure-threshold=1");

		// then: the reason on stderr, the usual summary, and no log errors or stack traces anywhere
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.err()).contains("not answering");
		assertThat(run.out()).contains("to resume, run the same command again");
		String everything = run.out() + run.err() + processOut.toString(StandardCharsets.UTF_8)
				+ processErr.toString(StandardCharsets.UTF_8);
		assertThat(everything).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void severalInputsMakeOneSummaryWithTheOverallExitCode() throws IOException {
		// given
		Path pins = copySample("pins.csv");
		Path mixed = copySample("mixed.csv");
		Path summary = dir.resolve("summary.json");

		// when
		CommandLineRun run = run("--input=" + pins, "--input=" + mixed, "--summary=" + summary);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		JsonNode document = JSON.readTree(summary.toFile());
		assertThat(document.get("exitCode").asInt()).isEqualTo(3);
		assertThat(document.get("inputs")).hasSize(2);
		assertThat(document.get("inputs").get(0).get("exitCode").asInt()).isZero();
		JsonNode pinsCounts = document.get("inputs").get(0).get("counts");
		assertThat(pinsCounts.get("PUBLISHED").asLong() + pinsCounts.get("SCHEDULED").asLong()).isEqualTo(20);
		assertThat(document.get("inputs").get(1).get("exitCode").asInt()).isEqualTo(3);
	}

	@Test
	void unwatchedRunPrintsNoControlCharacters() throws IOException {
		// given a progress line every 50 ms, so the log has some
		Path input = copySample("pins.csv");

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.progress-interval=50ms");

		// then
		assertThat(run.exitCode()).as(run.toString()).isZero();
		String everything = run.out() + run.err() + processOutput();
		assertThat(everything.chars().filter(c -> c < 0x20 && c != '\n').toArray())
			.as("control characters in: %s", everything).isEmpty();
	}

	@Test
	void theApiKeyAppearsInNoOutputAndNoFileEvenWhenVerbose() throws IOException {
		// given: the sandbox key (accepted) and a real-looking key (rejected: an exception path)
		Path pins = copySample("pins.csv");
		Path mixed = copySample("mixed.csv");

		// when
		CommandLineRun accepted = run("--input=" + pins, "--verbose", "--summary=" + dir.resolve("a.json"));
		CommandLineRun json = run("--input=" + mixed, "--verbose", "--log-format=json",
				"--summary=" + dir.resolve("b.json"));
		System.setProperty("zernio.api-key", FAKE_REAL_KEY);
		CommandLineRun rejected = run("--input=" + copySample("pinterest-template.csv"), "--verbose",
				"--summary=" + dir.resolve("c.json"));

		// then
		assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
		assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
		String output = accepted + json.toString() + rejected + processOutput();
		assertThat(output).contains("DEBUG").contains("x-request-id");
		assertThat(output).doesNotContain(ZernioSandbox.API_KEY, FAKE_REAL_KEY, "sk_sandbox_", "sk_live_");
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(content).as(file.toString()).doesNotContain(ZernioSandbox.API_KEY, FAKE_REAL_KEY);
			}
		}
	}

	@Test
	void aKeyThatZernioQuotesBackInAnErrorIsInNoOutputAndNotInTheJobRepository() throws IOException {
		// given: a server that quotes the key it was given in its error message, as some gateways do
		String key = "plainkey987654zz"; // not shaped like a Zernio key: only its being the key can hide it
		WireMockServer echoing = new WireMockServer(WireMockConfiguration.options().dynamicPort()
			.bindAddress("127.0.0.1"));
		echoing.start();
		try {
			echoing.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"Invalid API key: " + key + " is not valid\"}")));
			System.setProperty("zernio.api-key", key);

			// when
			CommandLineRun run = CommandLineRun.run(dir.resolve("data"), echoing.baseUrl() + "/api",
					"--input=" + copySample("pins.csv"), "--verbose", "--summary=" + dir.resolve("s.json"));

			// then: the run stops on the answer, which the user reads without the key, and nothing keeps it
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
			assertThat(run.err()).contains("HTTP 403: Invalid API key: (hidden) is not valid");
			assertThat(run + processOutput()).contains("ZernioApiException").doesNotContain(key);
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
					assertThat(content).as(file.toString()).doesNotContain(key);
				}
			}
		}
		finally {
			echoing.stop();
		}
	}

	@Test
	void aKeyThatZernioQuotesAsTheCodeOfARowsRefusalIsNotKeptInTheJobRepository() throws IOException {
		// given: Zernio behind a gateway that refuses every create, quoting the key as the answer's code; a later run
		// with another key would write the stored message into its result file, report and console download as it is
		WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort()
			.bindAddress("127.0.0.1"));
		gateway.start();
		try {
			String zernio = sandbox.baseUrl().substring(0, sandbox.baseUrl().length() - "/api".length());
			gateway.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
				.willReturn(WireMock.aResponse().proxiedFrom(zernio)));
			gateway.stubFor(WireMock.post(WireMock.urlPathMatching(".*/v1/posts")).atPriority(1)
				.willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
					.withBody("{\"error\":\"Bad request\",\"code\":\"" + ZernioSandbox.API_KEY + "\"}")));

			// when
			CommandLineRun run = CommandLineRun.run(dir.resolve("data"), gateway.baseUrl() + "/api",
					"--input=" + copySample("pins.csv"), "--pinbatch.follow.max-wait=0s");

			// then: the rows say why, without the key, and no file keeps it
			assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
			assertThat(Files.readString(dir.resolve("pins.results.csv"))).contains("HTTP 400 (hidden)");
			try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
					assertThat(content.contains(ZernioSandbox.API_KEY)).as(file + " holds the key").isFalse();
				}
			}
		}
		finally {
			gateway.stop();
		}
	}

	@Test
	void aZernioAddressThatAConfigurationFileSetsIsSaidWithTheFileAtTheStart() throws IOException {
		// given: a file among the configuration a run reads (as application.properties in the folder it starts in)
		// that sends the requests elsewhere
		Path settings = Files.writeString(dir.resolve("application.properties"),
				"zernio.base-url=" + sandbox.baseUrl() + "\n");

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), null, "--input=" + copySample("pins.csv"),
				"--spring.config.additional-location=file:" + settings, "--pinbatch.follow.max-wait=0s");

		// then: the run says where the key goes, and which file says so
		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("pinbatch: Zernio is asked at " + sandbox.baseUrl() + ", as " + settings
				+ " says: the API key goes there\n");
	}

	@Test
	void aConfigurationFileOthersCanWriteIsNotReadWhateverItSets() throws IOException {
		// given: such a file left in a shared folder, that every user can write, putting the key in a proxy's address
		// (before: only a Zernio address in it was refused; the key went out as the proxy's password)
		Path settings = Files.writeString(dir.resolve("application.properties"),
				"zernio.proxy=http://x:${zernio.api-key}@127.0.0.1:9\n");
		Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-rw-rw-"));

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--spring.config.additional-location=file:" + settings);

		// then: refused before anything is sent, saying what to do (as ssh refuses such a file)
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("pinbatch: " + settings + " is a configuration file that other users"
				+ " can change (every user can write it), and pinbatch reads none such: it could send the API key"
				+ " elsewhere; make the file, and each folder above it, writable by you alone (chmod go-w) and yours,"
				+ " or copy its settings into a file of your own");
		assertThat(processOut.toString(StandardCharsets.UTF_8) + processErr.toString(StandardCharsets.UTF_8))
			.as("no stack trace").doesNotContain("\tat ", "Exception");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aLogPatternInAFileOfAFolderOthersCanWriteNeverPrintsTheKey() throws IOException {
		// given: the file is the user's, but in a folder every user can write (one could swap it for theirs); it
		// writes the key into every log line, and a log file everyone can read (before: both held the key)
		Path shared = Files.createDirectory(dir.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path leak = dir.resolve("leak.log");
		Path settings = Files.writeString(shared.resolve("application.properties"), "logging.level.root=INFO\n"
				+ "logging.file.name=" + leak + "\nlogging.pattern.console=LEAK ${zernio.api-key} %m%n\n"
				+ "logging.pattern.file=LEAK ${zernio.api-key} %m%n\n");

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--spring.config.additional-location=file:" + settings);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("(every user can write the folder " + shared + ")");
		assertThat(run.out() + run.err() + processOut + processErr).doesNotContain(ZernioSandbox.API_KEY, "\tat ");
		assertThat(leak).doesNotExist();
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void anXmlConfigurationFileOthersCanWriteIsNotReadEither() throws IOException {
		// given: Java's XML properties, which Spring reads from the same folders, settings without an origin (before:
		// never looked at, the key sent where the file said)
		Path settings = Files.writeString(dir.resolve("application.xml"), "<?xml version=\"1.0\"?><!DOCTYPE properties"
				+ " SYSTEM \"http://java.sun.com/dtd/properties.dtd\"><properties><entry key=\"zernio.base-url\">"
				+ sandbox.baseUrl() + "</entry></properties>");
		Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-rw-rw-"));

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), null, "--input=" + copySample("pins.csv"),
				"--spring.config.additional-location=file:" + settings);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).startsWith("pinbatch: " + settings + " is a configuration file that other users can"
				+ " change (every user can write it)");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aConfigurationFileImportsNothingFromTheWebNorAsksForIt() throws IOException {
		// given: a file that imports an address holding the key (before: asked for while the files were read, with
		// the key in it, by a file others could write)
		Path shared = Files.createDirectory(dir.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path settings = Files.writeString(shared.resolve("application.properties"), "spring.config.import=optional:"
				+ sandbox.baseUrl() + "/leak/${zernio.api-key}.properties\n");

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--spring.config.additional-location=file:" + settings);

		// then: refused, and the address was never asked for
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).startsWith("pinbatch: ");
		assertThat(sandbox.requests()).isEmpty();
		assertThat(run.out() + run.err() + processOut + processErr).doesNotContain(ZernioSandbox.API_KEY);
	}

	@Test
	void aConfigurationFileThatCannotBeReadIsToldInOneLineWithoutTheKey() throws IOException {
		// given: a file whose import, the key in its name, names no file (before: Spring told it itself, the key
		// written out in full, and the command said to check the database)
		Path settings = Files.writeString(dir.resolve("application.properties"), "spring.config.import=file:"
				+ dir.resolve("nowhere") + "/${zernio.api-key}.properties\n");

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--spring.config.additional-location=file:" + settings);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("pinbatch: a configuration file could not be read: ")
			.doesNotContain("\n");
		assertThat(run.out() + run.err() + processOut + processErr).doesNotContain(ZernioSandbox.API_KEY, "\tat ");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aLogbackConfigurationOthersCanWriteIsNotUsed() throws IOException {
		// given: the user's own file names a Logback configuration in a folder every user can write, which prints
		// the key into a log file (before: used as it was)
		Path shared = Files.createDirectory(dir.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path stolen = shared.resolve("stolen.log");
		Path logback = Files.writeString(shared.resolve("logback.xml"), "<configuration><appender name=\"F\""
				+ " class=\"ch.qos.logback.core.FileAppender\"><file>" + stolen + "</file><encoder><pattern>KEY"
				+ " ${zernio.api-key} %msg%n</pattern></encoder></appender><root level=\"INFO\"><appender-ref"
				+ " ref=\"F\"/></root></configuration>");
		Path settings = Files.writeString(dir.resolve("application.properties"), "logging.config=" + logback + "\n");

		// when
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--spring.config.additional-location=file:" + settings);

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).startsWith("pinbatch: " + logback + " is a configuration file that other users can"
				+ " change (every user can write the folder " + shared + ")");
		assertThat(stolen).doesNotExist();
	}

	@Test
	void aZernioAddressGivenOnTheCommandLineIsNotSaidAgain() throws IOException {
		CommandLineRun run = CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(),
				"--input=" + copySample("pins.csv"), "--pinbatch.follow.max-wait=0s");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).doesNotContain("Zernio is asked at");
	}

	@Test
	void jsonLogFormatWritesOnlyJsonLines() throws IOException {
		// given
		Path input = copySample("mixed.csv");

		// when
		CommandLineRun run = run("--input=" + input, "--log-format=json");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		assertThat(run.out()).isEmpty();
		List<String> lines = processOutput().lines().filter(line -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).has("message")).isTrue());
		assertThat(lines).anySatisfy(line -> assertThat(line).contains("15 rows: "));
	}

	@Test
	void badValuesOfTheNewOptionsAreUsageErrors() throws IOException {
		Path input = copySample("pins.csv");
		Map<String, String[]> cases = Map.of(
				"when-no-date", new String[] { "--input=" + input, "--when-no-date=later" },
				"date-format", new String[] { "--input=" + input, "--date-format=yyyy-MM-dd {" },
				"log-format", new String[] { "--input=" + input, "--log-format=xml" },
				"prune-older-than", new String[] { "--prune-older-than=a month" },
				"verbose with a value", new String[] { "--input=" + input, "--verbose=yes" });
		for (Map.Entry<String, String[]> bad : cases.entrySet()) {
			CommandLineRun run = run(bad.getValue());
			assertThat(run.exitCode()).as(bad.getKey() + ": " + run).isEqualTo(2);
			assertThat(run.err().strip().lines()).as(bad.getKey() + ": " + run).hasSize(1);
			assertThat(run.err()).as(bad.getKey()).startsWith("pinbatch: --");
		}
		assertThat(sandbox.postCount()).isZero();
	}

	private String processOutput() {
		System.out.flush();
		System.err.flush();
		return processOut.toString(StandardCharsets.UTF_8) + processErr.toString(StandardCharsets.UTF_8);
	}

	/** Paced at the sandbox's own ceiling from the first send, to keep the test quick. */
	private CommandLineRun run(String... args) {
		String[] all = Stream.concat(Stream.of(args), Stream.of("--pinbatch.throttle.initial-requests-per-minute=6000"))
			.toArray(String[]::new);
		return CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(), all);
	}

	private Path copySample(String name) throws IOException {
		Path copy = dir.resolve(name);
		Files.copy(Path.of("samples").resolve(name), copy, StandardCopyOption.REPLACE_EXISTING);
		return copy;
	}
}
