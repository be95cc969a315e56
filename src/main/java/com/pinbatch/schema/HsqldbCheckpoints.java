package com.pinbatch.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;

/**
 * Turns off HSQLDB's automatic checkpoint (when its log passes {@code hsqldb.log_size}, 50 MB by default). A
 * checkpoint waits until no session is inside a transaction, and every session's next statement waits for it; but a
 * chunk's transaction stays open while the sending threads store their rows' outcomes through other sessions, and it
 * ends only once they have. So the first checkpoint during a send froze the run for good (about 48,000 rows into a
 * large file, or as soon as many runs had filled the log). The log is checkpointed when the database closes instead:
 * the URL's {@code shutdown=true}, at the end of every command.
 */
public class HsqldbCheckpoints implements InitializingBean {

	private final DataSource dataSource;

	public HsqldbCheckpoints(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.getMetaData().getDatabaseProductName().startsWith("HSQL")) {
				return; // PostgreSQL has no such pause
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET FILES LOG SIZE 0");
			}
		}
	}
}
