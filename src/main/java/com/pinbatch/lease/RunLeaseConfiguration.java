package com.pinbatch.lease;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run lease on the job repository's database, whichever it is, its table created by a migration (PinbatchSchema). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaseProperties.class)
public class RunLeaseConfiguration {

	@Bean
	RunLease runLease(DataSource dataSource, LeaseProperties settings) {
		return new RunLease(dataSource, settings.ttl());
	}
}
