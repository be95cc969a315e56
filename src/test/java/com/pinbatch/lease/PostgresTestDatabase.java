package com.pinbatch.lease;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database on the PostgreSQL server named by PINBATCH_TEST_POSTGRES_URL (with PINBATCH_TEST_POSTGRES_USER and
 * PINBATCH_TEST_POSTGRES_PASSWORD; .ci/run sets them up), created for one test and dropped after it, so tests never
 * see each other's runs. Without a reachable server the test is skipped with the reason, never faked.
 */
public final class PostgresTestDatabase implements AutoCloseable {

	private static final String URL = System.getenv("PINBATCH_TEST_POSTGRES_URL");

	private static final String USER = envOr("PINBATCH_TEST_POSTGRES_USER", "pinbatch");

	private static final String PASSWORD = envOr("PINBATCH_TEST_POSTGRES_PASSWORD", "pinbatch");

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final int DROP_ATTEMPTS = 50;

	private static final long DROP_RETRY_PAUSE_MS = 200;

	private final String name;

	private final String url;

	private PostgresTestDatabase(String name, String url) {
		this.name = name;
		this.url = url;
	}

	/** Creates the database, or skips the calling test when no PostgreSQL server is available. */
	public static PostgresTestDatabase create() {
		assumeTrue(URL != null && !URL.isBlank(), "PostgreSQL not available: set PINBATCH_TEST_POSTGRES_URL (and"
				+ " PINBATCH_TEST_POSTGRES_USER/PASSWORD) to a server where that user may create databases; .ci/run does");
		String name = "pinbatch_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = connect(URL)) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException ex) {
			assumeTrue(false, "PostgreSQL not available at " + URL + ": " + ex.getMessage());
		}
		return new PostgresTestDatabase(name, withDatabase(URL, name));
	}

	public String url() {
		return url;
	}

	public String user() {
		return USER;
	}

	public String password() {
		return PASSWORD;
	}

	/** The command-line settings that point pinbatch at this database. */
	public List<String> commandLineArguments() {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
				"--spring.datasource.password=" + PASSWORD);
	}

	public DataSource dataSource() {
		return new DriverManagerDataSource(url, USER, PASSWORD);
	}

	@Override
	public void close() throws SQLException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			try (Connection admin = connect(URL); Statement statement = admin.createStatement()) {
				// FORCE (PostgreSQL 13+): a killed test process may have left a connection behind
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				return;
			}
			catch (SQLException ex) {
				// a connection this role may not end (autovacuum at work on the new database's tables) holds it for
				// a moment: the drop is tried again, a few times, rather than failing a test that passed
				if (!INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()) || attempt == DROP_ATTEMPTS) {
					throw ex;
				}
				Thread.sleep(DROP_RETRY_PAUSE_MS);
			}
		}
	}

	private static Connection connect(String url) throws SQLException {
		DriverManager.setLoginTimeout(5);
		return DriverManager.getConnection(url, USER, PASSWORD);
	}

	/** The same server URL with another database: jdbc:postgresql://host:port/NAME?params. */
	private static String withDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int slash = url.indexOf('/', hostStart);
		int query = url.indexOf('?', hostStart);
		String server = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
		String params = query < 0 ? "" : url.substring(query);
		return server + "/" + database + params;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
