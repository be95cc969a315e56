package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings are checked before anything runs: a mistyped key or a value that does not fit is a usage error (exit 2)
 * in one line naming the key, and nothing is sent.
 */
class SettingsCommandLineTests extends SandboxedCommandLine {

	@Test
	void aMistypedKeyOnTheCommandLineIsRefusedWithTheKeyItWasMeantToBe() throws IOException {
		CommandLineRun run = run("--input=" + pins(), "--zernio.base-ur=https://zernio.invalid/api");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("pinbatch: unknown setting zernio.base-ur on the command line; did you"
				+ " mean zernio.base-url? (config/application.yml lists every setting)");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aMistypedKeyInAConfigFileIsRefusedNamingTheFile() throws IOException {
		Path config = Files.writeString(dir.resolve("pinbatch.yml"), "pinbatch:\n  throttle:\n    max-atempts: 3\n",
				StandardCharsets.UTF_8);

		CommandLineRun run = run("--input=" + pins(), "--spring.config.additional-location=file:" + config);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err()).contains("unknown setting pinbatch.throttle.max-atempts in ")
			.contains("pinbatch.yml")
			.contains("did you mean pinbatch.throttle.max-attempts?");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void aValueOfTheWrongKindNamesTheKeyAndWhatItTakes() throws IOException {
		CommandLineRun run = run("--input=" + pins(), "--pinbatch.chunk-size=abc");

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo("pinbatch: pinbatch.chunk-size=abc is not a whole number, e.g. 10");
		assertThat(sandbox.requests()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "pinbatch.throttle.max-attempts=-1 | must be greater than or equal to 1",
			"pinbatch.throttle.requests-per-minute=0 | must be greater than or equal to 1",
			"zernio.request-timeout=-1s | must be longer than or equal to", "pinbatch.chunk-size=0 | 1",
			"pinbatch.concurrency=0 | 1", "pinbatch.parallel-inputs=0 | 1",
			"pinbatch.sandbox.requests-per-minute=0 | 1", "pinbatch.lease.ttl=0s | 3" })
	void aValueOutOfRangeIsOneLineNamingTheKeyAndTheAllowedRange(String setting, String range) throws IOException {
		CommandLineRun run = run("--input=" + pins(), "--" + setting);

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
		assertThat(run.err().strip()).startsWith("pinbatch: " + setting + " is not allowed: it ")
			.contains(range)
			.doesNotContain("spring.datasource")
			.doesNotContain("\n");
		assertThat(run.out()).doesNotContain("Exception");
		assertThat(sandbox.requests()).isEmpty();
	}

	@Test
	void anAccountTheSandboxLimitsIsRefusedItsPinsAndAnAccountItDoesNotHaveIsOneLine() throws IOException {
		// when: the built-in sandbox told to limit acme-home, then one of its accounts mistyped, for a run and for
		// --serve-sandbox
		CommandLineRun limited = CommandLineRun.run(dir.resolve("data"), null, "--input=" + pins(), "--sandbox",
				"--pinbatch.sandbox.limited-accounts=acme-home");
		CommandLineRun mistyped = CommandLineRun.run(dir.resolve("data"), null, "--input=" + pins(), "--sandbox",
				"--pinbatch.sandbox.limited-accounts=acme-hom");
		CommandLineRun served = CommandLineRun.run(null, null, "--serve-sandbox",
				"--pinbatch.sandbox.limited-accounts=acme-hom");

		// then: the limited account's pin is refused as Pinterest refuses it; a mistyped one is a usage error (before:
		// an exception's trace, and a process that did not end)
		assertThat(limited.exitCode()).as(limited.toString()).isEqualTo(3);
		assertThat(ResultRows.read(dir.resolve("pins.results.csv")).get(0))
			.containsEntry("error_code", "publish_account_limited");
		String refusal = "pinbatch: pinbatch.sandbox.limited-accounts: the sandbox has no account 'acme-hom'; its"
				+ " accounts are [acme-home, acme-garden, acme-recipes, acme-archive, acme-insta]";
		assertThat(mistyped.exitCode()).as(mistyped.toString()).isEqualTo(2);
		assertThat(mistyped.err().strip()).isEqualTo(refusal);
		assertThat(served.exitCode()).as(served.toString()).isEqualTo(2);
		assertThat(served.err().strip()).isEqualTo(refusal);
	}

	private Path pins() throws IOException {
		return Files.writeString(dir.resolve("pins.csv"),
				"title,media_url,board,account\nA pin,https://images.example.com/a.jpg,Kitchen Ideas,acme-home\n",
				StandardCharsets.UTF_8);
	}
}
