package com.pinbatch.cli;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.pinbatch.result.RowResultStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the job repository tidy ({@code --prune-older-than=DAYS}): deletes the job runs whose last activity is older
 * than the cut-off, with everything Spring Batch stored for them and the row outcomes pinbatch stored under their
 * run key. One transaction, children before parents (the tables' foreign keys). A pruned input is a new run the
 * next time it is given: pinbatch no longer remembers what it sent for it.
 */
@Component
class JobRepositoryPruner {

	/** Keeps each IN list well inside every database's limit. */
	private static final int BATCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final RowResultStore store;

	private final String prefix;

	JobRepositoryPruner(DataSource dataSource, PlatformTransactionManager transactionManager, RowResultStore store,
			@Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(transactionManager);
		this.store = store;
		this.prefix = tablePrefix;
	}

	/** What a prune removed. */
	record Pruned(int runs, int unfinishedRuns, int executions, int rowOutcomes) {
	}

	/**
	 * @param dryRun count what would go, deleting nothing: the same statements run, and their transaction is rolled
	 *               back, so the counts are exactly those of a real prune
	 */
	Pruned prune(int days, boolean dryRun) {
		// Spring Batch writes its timestamps in the JVM's local time
		Timestamp cutoff = Timestamp.valueOf(LocalDateTime.now().minusDays(days));
		Pruned pruned = transaction.execute(status -> {
			List<Long> instances = jdbc.queryForList(sql("""
					SELECT I.JOB_INSTANCE_ID FROM %JOB_INSTANCE I WHERE NOT EXISTS (
					  SELECT 1 FROM %JOB_EXECUTION E WHERE E.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID
					  AND COALESCE(E.END_TIME, E.LAST_UPDATED, E.START_TIME, E.CREATE_TIME) >= :cutoff)"""),
					Map.of("cutoff", cutoff), Long.class);
			int unfinished = 0;
			int executions = 0;
			int outcomes = 0;
			for (List<Long> ids : batches(instances)) {
				Map<String, Object> params = Map.of("ids", ids);
				unfinished += count("""
						SELECT COUNT(*) FROM %JOB_INSTANCE I WHERE I.JOB_INSTANCE_ID IN (:ids) AND NOT EXISTS (
						  SELECT 1 FROM %JOB_EXECUTION E WHERE E.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID
						  AND E.STATUS = 'COMPLETED')""", params);
				List<String> runKeys = jdbc.queryForList(sql("""
						SELECT DISTINCT P.PARAMETER_VALUE FROM %JOB_EXECUTION_PARAMS P
						JOIN %JOB_EXECUTION E ON E.JOB_EXECUTION_ID = P.JOB_EXECUTION_ID
						WHERE P.PARAMETER_NAME = 'run.key' AND E.JOB_INSTANCE_ID IN (:ids)"""), params, String.class);
				String executionsOf = "SELECT JOB_EXECUTION_ID FROM %JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (:ids)";
				delete("""
						DELETE FROM %STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (
						  SELECT STEP_EXECUTION_ID FROM %STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (""" + executionsOf
						+ "))", params);
				delete("DELETE FROM %STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + executionsOf + ")", params);
				delete("DELETE FROM %JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + executionsOf + ")", params);
				delete("DELETE FROM %JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + executionsOf + ")", params);
				executions += delete("DELETE FROM %JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (:ids)", params);
				delete("DELETE FROM %JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (:ids)", params);
				outcomes += store.delete(runKeys); // an input's job instance is the only one with its run key
			}
			if (dryRun) {
				status.setRollbackOnly();
			}
			return new Pruned(instances.size(), unfinished, executions, outcomes);
		});
		return pruned;
	}

	private int delete(String statement, Map<String, Object> params) {
		return jdbc.update(sql(statement), params);
	}

	private int count(String query, Map<String, Object> params) {
		Integer count = jdbc.queryForObject(sql(query), params, Integer.class);
		return count == null ? 0 : count;
	}

	/** Table names with the configured prefix in place of {@code %}. */
	private String sql(String statement) {
		return statement.replace("%", prefix);
	}

	private static List<List<Long>> batches(List<Long> ids) {
		List<List<Long>> batches = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			batches.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
		}
		return batches;
	}
}
