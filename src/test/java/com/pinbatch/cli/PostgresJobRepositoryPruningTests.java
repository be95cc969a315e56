package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.pinbatch.lease.PostgresDatabasePerTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pruning on a real PostgreSQL server (a fresh database per test). Skipped, with the reason, where no server is
 * available.
 */
class PostgresJobRepositoryPruningTests extends JobRepositoryPruningScenarios {

	@RegisterExtension
	final PostgresDatabasePerTest database = new PostgresDatabasePerTest();

	@Override
	List<String> repositoryArguments() {
		return database.get().commandLineArguments();
	}

	@Override
	Connection open() throws SQLException {
		return database.get().dataSource().getConnection();
	}

	/**
	 * A prune on one host while another host runs an input: the running run is kept, with what it stored (before:
	 * "pruned ... 1 of them had not finished", its stored outcomes deleted under it, and the run failed).
	 */
	@Test
	void aPruneKeepsTheRunAnotherHostIsRunningNow() throws Exception {
		// given: a run of two pins, and a prune of everything when Zernio has created the first of them
		Path input = Files.writeString(dir.resolve("running.csv"), """
				title,media_url,board,account
				First,https://images.example.com/running/1.jpg,Kitchen Ideas,acme-home
				Second,https://images.example.com/running/2.jpg,Kitchen Ideas,acme-home
				""", StandardCharsets.UTF_8);
		AtomicReference<CommandLineRun> prune = new AtomicReference<>();
		sandbox.onPostCreated(post -> {
			if (prune.get() == null) {
				prune.set(CommandLineRun.run(dir.resolve("other-host"), sandbox.baseUrl(), withRepository(
						"--prune-older-than=0")));
			}
		});

		// when
		CommandLineRun running = run("--input=" + input, "--pinbatch.concurrency=1");

		// then
		assertThat(prune.get().out()).as(prune.get().toString()).contains("pruned 0 job run(s)", "1 running now, kept");
		assertThat(running.exitCode()).as(running.toString()).isZero();
		assertThat(ResultRows.read(dir.resolve("running.results.csv"))).extracting(row -> row.get("status"))
			.containsOnly("PUBLISHED");
		try (Connection db = open()) {
			assertThat(count(db, "PINBATCH_ROW_RESULT")).isEqualTo(2);
		}
	}

	private String[] withRepository(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(repositoryArguments());
		return all.toArray(String[]::new);
	}
}
