package com.pinbatch.job;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Which inputs each job run covers, and which inputs were processed to the end (by any run). One job run may cover
 * many inputs (one partition each), and an input finished by one run must not be sent again by a later run that
 * names it with other files, e.g. a folder that gains a file every night.
 * <p>
 * Row outcomes are stored under the input's key, the job under the run's key (the input's own key when the run has
 * one input), so pruning a run needs this table to find the outcomes that belong to it.
 */
public class RunInputs {

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	public RunInputs(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** An input processed to the end, and the job execution that finished it. */
	public record Finished(String inputKey, long jobExecutionId, Instant finishedAt) {
	}

	/** Records that the run covers the input (idempotent: a resume links again). */
	public void link(String runKey, String inputKey, Path inputFile) {
		int updated = jdbc.update("UPDATE PINBATCH_RUN_INPUT SET INPUT_FILE = ? WHERE RUN_KEY = ? AND INPUT_KEY = ?",
				inputFile.toAbsolutePath().toString(), runKey, inputKey);
		if (updated == 0) {
			jdbc.update("INSERT INTO PINBATCH_RUN_INPUT (RUN_KEY, INPUT_KEY, INPUT_FILE) VALUES (?, ?, ?)", runKey,
					inputKey, inputFile.toAbsolutePath().toString());
		}
	}

	/** Called when the input's partition completed: every row has its outcome stored. */
	public void markFinished(String runKey, String inputKey, long jobExecutionId, Instant at) {
		jdbc.update("UPDATE PINBATCH_RUN_INPUT SET FINISHED_AT = ?, JOB_EXECUTION_ID = ? WHERE RUN_KEY = ?"
				+ " AND INPUT_KEY = ?", Timestamp.from(at), jobExecutionId, runKey, inputKey);
	}

	/** The first time any run finished the input; empty when none has. */
	public Optional<Finished> finished(String inputKey) {
		return jdbc.query("SELECT JOB_EXECUTION_ID, FINISHED_AT FROM PINBATCH_RUN_INPUT WHERE INPUT_KEY = ?"
				+ " AND FINISHED_AT IS NOT NULL ORDER BY FINISHED_AT", (rs, row) -> new Finished(inputKey,
						rs.getLong(1), rs.getTimestamp(2).toInstant()), inputKey)
			.stream()
			.findFirst();
	}

	/** The inputs the runs covered. */
	public Set<String> inputsOf(Collection<String> runKeys) {
		if (runKeys.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(named.queryForList("SELECT DISTINCT INPUT_KEY FROM PINBATCH_RUN_INPUT"
				+ " WHERE RUN_KEY IN (:keys)", Map.of("keys", runKeys), String.class));
	}

	/** Forgets which inputs the runs covered. */
	public int unlink(Collection<String> runKeys) {
		if (runKeys.isEmpty()) {
			return 0;
		}
		return named.update("DELETE FROM PINBATCH_RUN_INPUT WHERE RUN_KEY IN (:keys)", Map.of("keys", runKeys));
	}

	/** Of these inputs, the ones some run still covers. */
	public Set<String> stillCovered(Collection<String> inputKeys) {
		if (inputKeys.isEmpty()) {
			return Set.of();
		}
		List<String> covered = named.queryForList("SELECT DISTINCT INPUT_KEY FROM PINBATCH_RUN_INPUT"
				+ " WHERE INPUT_KEY IN (:keys)", Map.of("keys", inputKeys), String.class);
		return new HashSet<>(covered);
	}
}
