package com.pinbatch.follow;

import java.nio.file.Path;

import com.pinbatch.result.RowResultStore;
import com.pinbatch.schema.HsqldbCheckpoints;
import com.pinbatch.stop.GracefulStop;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The follow-up job ({@code --follow-up=RESULTS}): one tasklet step that learns what became of a result file's rows
 * still publishing and writes the file again. It creates nothing; see {@link FollowUpTasklet}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowProperties.class)
@Import(FollowUp.class)
public class FollowUpJobConfiguration {

	public static final String JOB_NAME = "followUpJob";

	static final String STEP = "followUpStep";

	/** The result file read (absolute path). */
	static final String FILE = "followUp.file";

	/** The result file written (absolute path). */
	static final String RESULTS = "followUp.results";

	/** Where the follow-up asks: {@code sandbox} or {@code zernio} (see {@link FollowUpConnections}). */
	static final String TARGET = "followUp.target";

	/** When the follow-up was asked for: each follow-up is its own job instance. */
	static final String RUN = "followUp.run";

	/** The checkpoint comes first: listeners hear of the job's end in reverse order, so it goes last. */
	@Bean
	Job followUpJob(JobRepository jobRepository, Step followUpStep, GracefulStop gracefulStop,
			HsqldbCheckpoints hsqldbCheckpoints) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(hsqldbCheckpoints)
			.listener(gracefulStop)
			.start(followUpStep)
			.build();
	}

	@Bean
	Step followUpStep(JobRepository jobRepository, FollowUpTasklet followUpTasklet) {
		// no database transaction held while it waits between look-ups, as the pin import's steps: a restart of a
		// shared PostgreSQL meanwhile would fail it at its end; the job repository keeps its progress on its own
		return new StepBuilder(STEP, jobRepository).tasklet(followUpTasklet, new ResourcelessTransactionManager())
			.build();
	}

	@Bean
	@StepScope
	FollowUpTasklet followUpTasklet(@Value("#{jobParameters['" + FILE + "']}") String file,
			@Value("#{jobParameters['" + RESULTS + "']}") String results,
			@Value("#{jobParameters['" + TARGET + "']}") String target, FollowUpConnections connections,
			FollowProperties follow, RowResultStore rowResultStore, GracefulStop gracefulStop) {
		return new FollowUpTasklet(Path.of(file), Path.of(results), connections.client(target),
				connections.clock(target), follow, rowResultStore, gracefulStop.pause());
	}
}
