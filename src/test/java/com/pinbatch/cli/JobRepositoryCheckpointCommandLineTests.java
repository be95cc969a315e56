package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HSQLDB checkpoints its log once it passes hsqldb.log_size (50 MB by default: about 48,000 sent rows, or many runs
 * of a long-used data folder). A checkpoint waited for the open chunk's transaction, which waited for the sending
 * threads, whose statements waited for the checkpoint: the run froze for good and never wrote its result file.
 */
class JobRepositoryCheckpointCommandLineTests extends SandboxedCommandLine {

	private static final int ROWS = 2000;

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aRunWhoseRepositoryLogPassesItsCheckpointSizeStillFinishes() throws IOException {
		// given: a log size of 1 MB, which this run's outcomes pass many times over (rows beyond the account's caps
		// are refused without a request to Zernio, so they go quickly)
		Path input = shelfPins(ROWS);
		Path data = dir.resolve("data");
		String url = "jdbc:hsqldb:file:" + data + "/jobrepo;shutdown=true;hsqldb.write_delay=false;hsqldb.tx=mvcc"
				+ ";hsqldb.default_table_type=cached;hsqldb.log_size=1";

		// when
		CommandLineRun run = run("--input=" + input, "--spring.datasource.url=" + url);

		// then: every row accounted for, the 25 of the day's cap created and the rest refused at the cap
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		List<Map<String, String>> rows = ResultRows.read(dir.resolve("pins.results.csv"));
		assertThat(rows).hasSize(ROWS);
		assertThat(rows).filteredOn(row -> row.get("status").equals("FAILED"))
			.hasSize(ROWS - 25)
			.allSatisfy(row -> assertThat(row.get("error_code")).isEqualTo("account_cap_reached"));
		assertThat(creates()).hasSize(25);
	}
}
