package com.pinbatch.lease;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run lease on the job repository's database, whichever it is, with its table created on first use. */
@Configuration(proxyBeanMethods = false)
public class RunLeaseConfiguration {

	@Bean
	RunLease runLease(DataSource dataSource, @Value("${pinbatch.lease.ttl:30s}") Duration ttl) {
		RunLease lease = new RunLease(dataSource, ttl);
		lease.createTableIfMissing();
		return lease;
	}
}
