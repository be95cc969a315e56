package com.pinbatch.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.TimeZone;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The lease on HSQLDB, the default job repository: an in-memory database shared by two data sources. */
class RunLeaseTests extends RunLeaseScenarios {

	private final String url = "jdbc:hsqldb:mem:lease_" + UUID.randomUUID() + ";hsqldb.tx=mvcc";

	@Override
	DataSource sharedDatabase() {
		return new DriverManagerDataSource(url, "SA", "");
	}

	/**
	 * A command killed in UTC (cron's zone), then the same command from a shell in New York, of this host: the run
	 * is taken up. Before: the lease was timed in the session's local time, and for five hours the run looked held
	 * ("the lease ... keeps changing hands").
	 */
	@Test
	void aRunAProcessOfThisHostLeftIsTakenUpWhateverTheZoneOfTheNextCommand() throws Exception {
		TimeZone zone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			RunLease inUtc = new RunLease(sharedDatabase(), Duration.ofSeconds(30), ended());
			inUtc.acquire("run-1"); // never released: its process is gone

			TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
			RunLease inNewYork = new RunLease(sharedDatabase(), Duration.ofSeconds(30));
			LeaseHolder taken = inNewYork.acquire("run-1");

			assertThat(inNewYork.find("run-1")).hasValueSatisfying(lease -> assertThat(lease.owner())
				.isEqualTo(LeaseOwner.current().toString()));
			taken.close();
		}
		finally {
			TimeZone.setDefault(zone);
		}
	}

	/** A process of this host that has ended. */
	private static LeaseOwner ended() throws IOException, InterruptedException {
		Process done = new ProcessBuilder("true").start();
		done.waitFor();
		return new LeaseOwner(LeaseOwner.current().host(), done.pid());
	}
}
