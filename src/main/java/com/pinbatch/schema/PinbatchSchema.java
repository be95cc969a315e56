package com.pinbatch.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * pinbatch's own tables, created and changed by the versioned migrations in {@code db/migration}, which Boot's Flyway
 * runs at start-up on the job repository's database (Spring Batch creates its own BATCH_* tables).
 */
@Configuration(proxyBeanMethods = false)
@Import(InterruptedExecutions.class)
public class PinbatchSchema {

	/**
	 * A job repository of a version before Flyway holds tables but no migration history: Flyway then records a
	 * baseline, at version 0 so that V1 (written to find its tables there already) still runs and adds what is missing.
	 */
	public static FluentConfiguration settings(FluentConfiguration flyway) {
		return flyway.baselineOnMigrate(true).baselineVersion("0");
	}

	/** Brings the tables of {@code dataSource} up to date, as a start of pinbatch does (for tests and tools). */
	public static void migrate(DataSource dataSource) {
		settings(Flyway.configure()).dataSource(dataSource).load().migrate();
	}

	@Bean
	HsqldbCheckpoints hsqldbCheckpoints(DataSource dataSource) {
		return new HsqldbCheckpoints(dataSource);
	}

	@Bean
	FlywayConfigurationCustomizer pinbatchBaseline() {
		return PinbatchSchema::settings;
	}
}
