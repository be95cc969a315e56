package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.pinbatch.result.RequestIds;

import org.junit.jupiter.api.Test;

/**
 * A file tried on the sandbox first (a rehearsal, as README's first command is) and then sent for real, or the other
 * way round, in the same folder: the rehearsal's pins never pass for pins on Pinterest, and never replace the post
 * ids of pins sent for real. Here "for real" is the test's sandbox server, standing in for Zernio.
 */
class SandboxRehearsalCommandLineTests extends SandboxedCommandLine {

	/** On the built-in sandbox, its pins published at once. */
	private static final String[] REHEARSAL = { "--sandbox", "--pinbatch.sandbox.publish-delay=0s" };

	@Test
	void aRunForRealThatStopsBeforeSendingShowsItsRowsPendingNotTheRehearsalsPins() throws IOException {
		// given: the file rehearsed on the sandbox, its three pins published there
		Path input = shelfPins(3);
		CommandLineRun rehearsal = rehearse("--input=" + input);
		assertThat(rehearsal.exitCode()).as(rehearsal.toString()).isZero();
		assertThat(results()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PUBLISHED"));

		// when: the run for real stops before sending anything (Zernio refuses the key)
		System.setProperty("zernio.api-key", "sk_" + "0".repeat(61));
		CommandLineRun forReal = run("--input=" + input);

		// then: its rows are PENDING, as nothing was sent (before: the rehearsal's lines, PUBLISHED with the sandbox's
		// post ids and pin URLs, and "no row is PENDING")
		assertThat(forReal.exitCode()).as(forReal.toString()).isNotZero();
		assertThat(results()).hasSize(3).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("post_id")).isEmpty();
		});
		assertThat(creates()).isEmpty();
	}

	@Test
	void aRehearsalLeavesTheResultFileOfPinsSentForRealAsItIsAndWritesItsOwnBeside() throws IOException {
		// given: the file sent for real
		Path input = shelfPins(3);
		assertThat(run("--input=" + input).exitCode()).isZero();
		String forReal = Files.readString(dir.resolve("pins.results.csv"));

		// when: the same file rehearsed on the sandbox afterwards
		CommandLineRun rehearsal = rehearse("--input=" + input);

		// then: the file with the real post ids is untouched (before: it held the sandbox's), the rehearsal's lines
		// are beside it, and the run says where
		assertThat(rehearsal.exitCode()).as(rehearsal.toString()).isZero();
		assertThat(Files.readString(dir.resolve("pins.results.csv"))).isEqualTo(forReal);
		assertThat(rehearsal.out()).contains("pins.results.csv holds pins sent to Zernio")
			.contains("pins.sandbox.results.csv");
		List<Map<String, String>> rehearsed = ResultRows.read(dir.resolve("pins.sandbox.results.csv"));
		assertThat(rehearsed).hasSize(3).allSatisfy(row -> {
			assertThat(row.get("status")).isEqualTo("PUBLISHED");
			assertThat(RequestIds.sentToSandbox(row.get("request_id"))).isTrue();
		});
		assertThat(results()).allSatisfy(row -> assertThat(RequestIds.sentToSandbox(row.get("request_id"))).isFalse());

		// and a rehearsal told to write over it is refused
		CommandLineRun over = rehearse("--input=" + input, "--results=" + dir.resolve("pins.results.csv"));
		assertThat(over.exitCode()).as(over.toString()).isEqualTo(2);
		assertThat(over.err()).contains("holds pins sent to Zernio").doesNotContain("\tat ");
		assertThat(Files.readString(dir.resolve("pins.results.csv"))).isEqualTo(forReal);
	}

	@Test
	void aRehearsalsResultFileIsNotRetriedNorFollowedUpForRealNorTheOtherWayRound() throws IOException {
		// given: a rehearsal's result file, and one of pins sent for real
		Path input = shelfPins(3);
		assertThat(rehearse("--input=" + input).exitCode()).isZero();
		Path rehearsed = Files.move(dir.resolve("pins.results.csv"), dir.resolve("rehearsed.results.csv"));
		assertThat(run("--input=" + input).exitCode()).isZero();
		Path forReal = dir.resolve("pins.results.csv");
		int createsForReal = creates().size();

		// when / then: for real, the rehearsal's published pins would count as done and never be sent
		for (String option : List.of("--retry-failed=", "--follow-up=")) {
			CommandLineRun refused = run(option + rehearsed);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err()).contains("its pins were sent to the sandbox").contains("--sandbox")
				.doesNotContain("\tat ");
		}
		// and on the sandbox, which does not know the real pins
		for (String option : List.of("--retry-failed=", "--follow-up=")) {
			CommandLineRun refused = rehearse(option + forReal);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err()).contains("its pins were sent to Zernio").doesNotContain("\tat ");
		}
		assertThat(creates()).hasSize(createsForReal);

		// and without a key, the rehearsal is what is said first (before: for --follow-up, that the key was missing,
		// and only once it was given, that the file could not be followed up for real at all)
		System.clearProperty("zernio.api-key");
		for (String option : List.of("--retry-failed=", "--follow-up=")) {
			CommandLineRun refused = run(option + rehearsed);
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err()).contains("its pins were sent to the sandbox").doesNotContain("ZERNIO_API_KEY");
		}
	}

	private CommandLineRun rehearse(String... args) {
		String[] all = new String[args.length + REHEARSAL.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(REHEARSAL, 0, all, args.length, REHEARSAL.length);
		return run(all);
	}

	private List<Map<String, String>> results() {
		return ResultRows.read(dir.resolve("pins.results.csv"));
	}
}
