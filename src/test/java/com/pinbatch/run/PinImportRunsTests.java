package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.result.RowStatus;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A front end other than the command line launches runs through {@link PinImportRuns} alone: a request in, the
 * lines to show through its listener, each input's outcome back (read from the job repository and the result file).
 */
class PinImportRunsTests {

	@TempDir
	static Path shared;

	@TempDir
	Path dir;

	private static ZernioSandbox sandbox;

	private static ConfigurableApplicationContext context;

	/** One context for every test, as the console's process serves every request: each test has pins of its own. */
	@BeforeAll
	static void start() {
		sandbox = ZernioSandbox.start(SandboxSettings.defaults());
		context = new SpringApplicationBuilder(PinbatchApplication.class).web(WebApplicationType.NONE)
			.run("--pinbatch.data-dir=" + shared.resolve("data"), "--zernio.base-url=" + sandbox.baseUrl(),
					"--zernio.api-key=" + ZernioSandbox.API_KEY, "--pinbatch.follow.max-wait=0s");
	}

	@AfterAll
	static void stop() {
		context.close();
		sandbox.close();
	}

	@Test
	void aRequestRunsItsInputAndSaysWhatCameOfIt() throws IOException {
		// given
		Path input = gardenPins("One", "Two");
		PinImportRuns runs = context.getBean(PinImportRuns.class);
		List<String> lines = new CopyOnWriteArrayList<>();
		int postsBefore = sandbox.posts().size();

		// when
		RunOutcome first = runs.run(RunRequest.of(input), listener(lines));
		RunOutcome again = runs.run(RunRequest.of(input), listener(lines));

		// then
		assertThat(first.exitCode()).isEqualTo(ExitCode.SUCCESS);
		assertThat(first.inputs()).singleElement().satisfies(outcome -> {
			assertThat(outcome.input()).isEqualTo(input);
			assertThat(outcome.resultFile()).isEqualTo(dir.resolve("pins.results.csv")).exists();
			assertThat(outcome.counts()).containsEntry(RowStatus.PUBLISHED, 2L);
			assertThat(outcome.alreadyProcessed()).isFalse();
			assertThat(outcome.jobExecutionId()).isNotNull();
			assertThat(outcome.next()).isEqualTo(InputOutcome.Next.NONE);
		});
		assertThat(lines).anyMatch(line -> line.startsWith("info: pinbatch: processing " + input));
		assertThat(again.inputs()).singleElement().satisfies(outcome -> {
			assertThat(outcome.alreadyProcessed()).isTrue();
			assertThat(outcome.rowsThisRun()).isZero();
			assertThat(outcome.jobInstanceId()).isEqualTo(first.inputs().get(0).jobInstanceId());
		});
		assertThat(sandbox.posts()).hasSize(postsBefore + 2);
	}

	@Test
	void aRunLeftUnknownByADatabaseOutageIsResumedByTheSameRequestSendingNothingTwice() throws IOException {
		// given: the database went away while the send step stored its progress, and the rollback failed too:
		// Spring Batch left the execution and its step UNKNOWN (each row's outcome was stored before, on its own)
		Path input = gardenPins("Three", "Four");
		PinImportRuns runs = context.getBean(PinImportRuns.class);
		RunOutcome interrupted = runs.run(RunRequest.of(input), RunListener.SILENT);
		JobRepository repository = context.getBean(JobRepository.class);
		JobExecution execution = repository.getJobExecution(interrupted.inputs().get(0).jobExecutionId());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().equals(PinImportJobConfiguration.SEND_STEP)) {
				step.setStatus(BatchStatus.UNKNOWN);
				repository.update(step);
			}
		}
		execution.setStatus(BatchStatus.UNKNOWN);
		repository.update(execution);
		int postsBefore = sandbox.posts().size();
		List<String> lines = new CopyOnWriteArrayList<>();

		// when
		RunOutcome again = runs.run(RunRequest.of(input), listener(lines));

		// then
		assertThat(again.exitCode()).isEqualTo(ExitCode.SUCCESS);
		assertThat(lines).anyMatch(line -> line.startsWith("info: pinbatch: resuming " + input))
			.noneMatch(line -> line.contains("UNKNOWN"));
		assertThat(again.inputs()).singleElement().satisfies(outcome -> {
			assertThat(outcome.counts()).containsEntry(RowStatus.PUBLISHED, 2L);
			assertThat(outcome.jobInstanceId()).isEqualTo(interrupted.inputs().get(0).jobInstanceId());
			assertThat(outcome.next()).isEqualTo(InputOutcome.Next.NONE);
		});
		assertThat(sandbox.posts()).hasSize(postsBefore);
		assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
	}

	@Test
	void aRunStoppedWhileAStepWaitedIsResumedByTheSameRequest() throws IOException {
		// given: a stop marked the run STOPPED at once, and the process was halted (or killed) before its step, waiting
		// out a 429, saw the stop: the step is left STARTED
		Path input = gardenPins("Five", "Six");
		PinImportRuns runs = context.getBean(PinImportRuns.class);
		RunOutcome halted = runs.run(RunRequest.of(input), RunListener.SILENT);
		JobRepository repository = context.getBean(JobRepository.class);
		JobExecution execution = repository.getJobExecution(halted.inputs().get(0).jobExecutionId());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStepName().equals(PinImportJobConfiguration.SEND_STEP)) {
				step.setStatus(BatchStatus.STARTED);
				step.setEndTime(null);
				repository.update(step);
			}
		}
		execution.setStatus(BatchStatus.STOPPED);
		repository.update(execution);
		int postsBefore = sandbox.posts().size();
		List<String> lines = new CopyOnWriteArrayList<>();

		// when
		RunOutcome again = runs.run(RunRequest.of(input), listener(lines));

		// then: (before: "A job execution for this job is already running", exit 1, every time)
		assertThat(again.exitCode()).as(lines.toString()).isEqualTo(ExitCode.SUCCESS);
		assertThat(lines).anyMatch(line -> line.startsWith("info: pinbatch: resuming " + input))
			.noneMatch(line -> line.contains("already running"));
		assertThat(again.inputs()).singleElement().satisfies(outcome -> {
			assertThat(outcome.counts()).containsEntry(RowStatus.PUBLISHED, 2L);
			assertThat(outcome.jobInstanceId()).isEqualTo(halted.inputs().get(0).jobInstanceId());
		});
		assertThat(sandbox.posts()).hasSize(postsBefore);
	}

	@Test
	void theCharacterSetTheCheckFoundIsNamedToTheJobSoThatItsReadsNeedNotFindItAgain() throws IOException {
		// given: Excel's "CSV (Comma delimited)": Windows-1252, no byte order mark
		Path input = Files.write(dir.resolve("pins.csv"), """
				title,description,media_url,board,account
				Café,Crème brûlée,https://images.example.com/1.jpg,Garden Projects,acme-garden
				""".getBytes(Charset.forName("windows-1252")));
		int postsBefore = sandbox.posts().size();

		// when
		RunOutcome outcome = context.getBean(PinImportRuns.class).run(RunRequest.of(input), RunListener.SILENT);

		// then
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.SUCCESS);
		JobParameters parameters = context.getBean(JobRepository.class)
			.getJobExecution(outcome.inputs().get(0).jobExecutionId())
			.getJobParameters();
		assertThat(InputParameters.of(parameters).encoding()).isEqualTo("windows-1252");
		assertThat(sandbox.posts()).hasSize(postsBefore + 1).last()
			.satisfies(post -> assertThat(post.requestBody()).contains("Crème brûlée"));
	}

	@Test
	void aRefusedRequestIsAnOutcomeWithItsReason() {
		// when
		RunOutcome outcome = context.getBean(PinImportRuns.class)
			.run(RunRequest.of(dir.resolve("missing.csv")), RunListener.SILENT);

		// then
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(outcome.inputs()).isEmpty();
		assertThat(outcome.reason()).contains("missing.csv");
	}

	/** {@code pins.csv}: an acme-garden pin a title (the tests share one job repository: titles of their own). */
	private Path gardenPins(String... titles) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (String title : titles) {
			csv.append(title).append(",The ").append(title).append(" pin,https://images.example.com/").append(title)
				.append(".jpg,Garden Projects,acme-garden\n");
		}
		return Files.writeString(dir.resolve("pins.csv"), csv);
	}

	private static RunListener listener(List<String> lines) {
		return new RunListener() {

			@Override
			public void info(String line) {
				lines.add("info: " + line);
			}

			@Override
			public void problem(String line) {
				lines.add("problem: " + line);
			}
		};
	}
}
