package com.pinbatch.run;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataAccessException;

/**
 * Says in one line what went wrong with the job repository's database, without its SQL: above all a full disk under
 * the data folder, which otherwise surfaced as a statement and its parameters.
 */
final class RepositoryTrouble {

	/** SQLSTATE's class of connection exceptions (08001 cannot connect, 08003 connection closed, 08006 lost). */
	private static final String CONNECTION_EXCEPTION_CLASS = "08";

	/** PostgreSQL's disk_full. */
	private static final String DISK_FULL_STATE = "53100";

	private static final String[] DISK_FULL_WORDS = { "no space left on device", "data file size limit",
			"disk full", "could not extend file" };

	private RepositoryTrouble() {
	}

	/** The one line for a failure that came from the job repository, or empty when it did not. */
	static Optional<String> describe(Throwable failure) {
		Throwable database = null;
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (diskFull(cause)) {
				return Optional.of("the disk holding the job repository (the data folder) is full (" + text(cause)
						+ "); nothing more is sent: free some space, then run the same command again to resume");
			}
			if (database == null && (cause instanceof DataAccessException || cause instanceof SQLException)) {
				database = cause;
			}
		}
		if (database == null) {
			return Optional.empty();
		}
		Throwable root = database;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (connectionLost(database)) {
			return Optional.of("the job repository's database cannot be reached, or stopped answering (" + text(root)
					+ "): check that it is up and reachable from this machine, then run the same command again to"
					+ " resume");
		}
		return Optional.of("the job repository failed (" + text(root) + "); run the same command again to resume");
	}

	/**
	 * Whether the database went away rather than refused a statement: a connection failure (SQLSTATE class 08, as
	 * the drivers report a connection closed, refused or lost), or the pool's wait for a connection running out.
	 */
	private static boolean connectionLost(Throwable database) {
		for (Throwable cause = database; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLException sql && sql.getSQLState() != null
							&& sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
				return true;
			}
		}
		return false;
	}

	private static boolean diskFull(Throwable cause) {
		if (cause instanceof SQLException sql && DISK_FULL_STATE.equals(sql.getSQLState())) {
			return true;
		}
		String message = cause instanceof DataAccessException ? null : cause.getMessage();
		if (message == null) {
			return false;
		}
		String lower = message.toLowerCase(Locale.ROOT);
		for (String words : DISK_FULL_WORDS) {
			if (lower.contains(words)) {
				return true;
			}
		}
		return false;
	}

	/** The cause's own words, without any SQL statement a wrapper added. */
	private static String text(Throwable cause) {
		String message = cause.getMessage();
		if (message == null || message.isBlank()) {
			return cause.getClass().getSimpleName();
		}
		int sql = message.indexOf("SQL [");
		return (sql >= 0 ? message.substring(message.indexOf(']', sql) + 1) : message).replaceAll("^[;\\s]+", "")
			.lines().findFirst().orElse("").strip();
	}
}
