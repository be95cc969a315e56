package com.pinbatch.lease;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run lease on the job repository's database, whichever it is, with its table created on first use. */
@Configuration(proxyBeanMethods = false)
public class RunLeaseConfiguration {

	@Bean
	RunLease runLease(DataSource dataSource, LeaseProperties settings) {
		RunLease lease = new RunLease(dataSource, settings.ttl());
		lease.createTableIfMissing();
		return lease;
	}
}
