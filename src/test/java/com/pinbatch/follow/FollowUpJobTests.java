package com.pinbatch.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.result.RowStatus;
import com.pinbatch.run.PinImportRuns;
import com.pinbatch.run.RunListener;
import com.pinbatch.run.RunOutcome;
import com.pinbatch.run.RunRequest;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The follow-up job on its own, launched through the {@link JobOperator} with its job parameters (no front end),
 * against the sandbox on loopback and a real HSQLDB file job repository: its step finds the Zernio it asks by the
 * job's target, and what it did is read back from the job repository, as any front end reads it.
 */
class FollowUpJobTests {

	/** The longest the sandbox takes to publish a post after its create. */
	private static final Duration PUBLISH_DELAY = Duration.ofMillis(300);

	@TempDir
	static Path shared;

	private static ZernioSandbox sandbox;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		sandbox = ZernioSandbox.start(SandboxSettings.defaults().withPublishDelay(PUBLISH_DELAY));
		// the run does not wait for its pins: they stay CREATED for the follow-up to learn about
		context = new SpringApplicationBuilder(PinbatchApplication.class).web(WebApplicationType.NONE)
			.run("--pinbatch.data-dir=" + shared.resolve("data"), "--zernio.base-url=" + sandbox.baseUrl(),
					"--zernio.api-key=" + ZernioSandbox.API_KEY, "--pinbatch.follow.max-wait=0s",
					"--pinbatch.follow.poll-interval=100ms");
	}

	@AfterAll
	static void stop() {
		context.close();
		sandbox.close();
	}

	@Test
	void aFollowUpLaunchedWithoutAFrontEndKeepsWhatItLearntInTheJobRepository() throws Exception {
		// given: a run's result file with three pins, some still CREATED, all published by Pinterest since
		Path input = Files.writeString(shared.resolve("pins.csv"), """
				title,media_url,board,account
				Oak shelf,https://images.example.com/follow-job/a.jpg,Kitchen Ideas,acme-home
				Tiles,https://images.example.com/follow-job/b.jpg,Kitchen Ideas,acme-home
				Herbs,https://images.example.com/follow-job/c.jpg,Kitchen Ideas,acme-home
				""");
		RunOutcome sent = context.getBean(PinImportRuns.class)
			.run(new RunRequest(List.of(input), null, false, null, null, null, null, null, ZoneOffset.UTC, null, "now",
					false, null, false, false, false, "test"), new RunListener() {

						@Override
						public void info(String line) {
						}

						@Override
						public void problem(String line) {
							throw new AssertionError(line);
						}
					});
		Path results = sent.inputs().get(0).resultFile();
		long created = sent.inputs().get(0).counts().getOrDefault(RowStatus.CREATED, 0L);
		assertThat(created).as("rows the run left CREATED").isPositive();
		Thread.sleep(PUBLISH_DELAY.toMillis() * 2); // every post has its outcome by now

		// when: the follow-up job is launched by its parameters alone
		JobOperatorTestUtils jobs = new JobOperatorTestUtils(context.getBean(JobOperator.class),
				context.getBean(JobRepository.class));
		jobs.setJob(context.getBean(FollowUpJobConfiguration.JOB_NAME, Job.class));
		JobExecution execution = jobs.startJob(new JobParametersBuilder()
			.addString(FollowUpJobConfiguration.FILE, results.toAbsolutePath().toString())
			.addString(FollowUpJobConfiguration.RESULTS, results.toAbsolutePath().toString())
			.addString(FollowUpJobConfiguration.TARGET, "zernio")
			.addLong(FollowUpJobConfiguration.RUN, 1L)
			.toJobParameters());

		// then: it asked the target's Zernio, wrote the file again, and the repository tells what it did
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readString(results)).contains("PUBLISHED").doesNotContain("CREATED");
		JobExecution stored = context.getBean(JobRepository.class).getJobExecution(execution.getId());
		FollowUpOutcome outcome = FollowUpOutcome.of(stored.getExecutionContext()).orElseThrow();
		assertThat(outcome.counts()).isEqualTo(Map.of(RowStatus.PUBLISHED, 3L));
		assertThat(outcome.accounts()).isEqualTo(Map.of("acme-home", Map.of(RowStatus.PUBLISHED, 3L)));
		assertThat(outcome.followed()).isEqualTo(created);
		assertThat(outcome.changed()).isEqualTo(created);
		assertThat(outcome.lookUps()).isPositive();
	}
}
