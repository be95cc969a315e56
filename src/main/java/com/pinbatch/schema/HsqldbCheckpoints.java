package com.pinbatch.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.InitializingBean;

/**
 * Turns off HSQLDB's automatic checkpoint (when its log passes {@code hsqldb.log_size}, 50 MB by default), and
 * checkpoints whenever the last job running in this process ends instead. A checkpoint waits until no session is
 * inside a transaction, and every session's next statement waits for it; but a chunk's transaction stays open while
 * the sending threads store their rows' outcomes through other sessions, and it ends only once they have. So the
 * first automatic checkpoint during a send froze the run for good (about 48,000 rows into a large file, or as soon as
 * many runs had filled the log). With no job running nothing waits on another session; a job starting meanwhile waits
 * for the checkpoint to end. The database also checkpoints when it closes ({@code shutdown=true}).
 */
public class HsqldbCheckpoints implements InitializingBean, JobExecutionListener {

	private static final Logger LOG = LoggerFactory.getLogger(HsqldbCheckpoints.class);

	private final DataSource dataSource;

	private boolean hsqldb;

	private int jobsRunning;

	public HsqldbCheckpoints(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			hsqldb = connection.getMetaData().getDatabaseProductName().startsWith("HSQL");
		}
		if (hsqldb) { // PostgreSQL has no such pause
			execute("SET FILES LOG SIZE 0");
		}
	}

	@Override
	public synchronized void beforeJob(JobExecution jobExecution) {
		jobsRunning++;
	}

	/** Without it, a long-lived process (the web console) would grow the log with every run until it stops. */
	@Override
	public synchronized void afterJob(JobExecution jobExecution) {
		jobsRunning = Math.max(0, jobsRunning - 1);
		if (jobsRunning > 0 || !hsqldb) {
			return;
		}
		try {
			execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			// the run's outcome is stored already; the log is checkpointed when the database closes
			LOG.warn("Could not checkpoint the job repository: {}", ex.getMessage());
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
