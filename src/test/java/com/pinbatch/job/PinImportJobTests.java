package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.input.InputRow;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.WhenNoDate;
import com.pinbatch.result.PinKey;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.sandbox.MovableClock;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.PostSchedule;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pin import job on its own, launched through the {@link JobOperator} with an input's job parameters (no front
 * end), against the sandbox on loopback and a real HSQLDB file job repository. One application context and one
 * sandbox serve every test, as one process serves the console's runs: each test's input has its own run key and
 * pins of its own (Zernio refuses a post it already has), and what a test counts on the sandbox is what changed
 * during it.
 */
class PinImportJobTests {

	@TempDir
	static Path shared;

	@TempDir
	Path dir;

	private static ZernioSandbox sandbox;

	/** The sandbox's time: a test moves it past the publishing it would otherwise wait for. */
	private static final MovableClock clock = new MovableClock();

	private static ConfigurableApplicationContext context;

	private static JobOperatorTestUtils jobs;

	@BeforeAll
	static void start() {
		// publishing takes a while, so the job is still following its pins when the test stops it
		sandbox = ZernioSandbox.start(SandboxSettings.defaults().withPublishDelay(Duration.ofSeconds(8)), clock);
		context = new SpringApplicationBuilder(PinbatchApplication.class).web(WebApplicationType.NONE)
			.run("--pinbatch.data-dir=" + shared.resolve("data"), "--zernio.base-url=" + sandbox.baseUrl(),
					"--zernio.api-key=" + ZernioSandbox.API_KEY, "--pinbatch.follow.poll-interval=100ms",
					"--pinbatch.follow.max-wait=2m", "--pinbatch.throttle.initial-backoff=20ms",
					"--pinbatch.throttle.max-attempts=2", "--pinbatch.throttle.breaker-failure-threshold=1");
		jobs = new JobOperatorTestUtils(context.getBean(JobOperator.class), context.getBean(JobRepository.class));
		jobs.setJob(context.getBean(PinImportJobConfiguration.JOB_NAME, Job.class));
	}

	/** The rows the plan found repeating an earlier row, as the sending reads them from the job's context. */
	private static Map<Long, Long> repeatedRows(ExecutionContext planned) {
		RowPairs stored = RowPairs.unpacked((byte[]) planned.get(PlanPinsTasklet.DUPLICATES));
		Map<Long, Long> repeated = new HashMap<>();
		for (long row = 1; row < 10; row++) {
			long earlierRow = row;
			stored.get(row).ifPresent(earlier -> repeated.put(earlierRow, earlier));
		}
		assertThat(repeated).hasSize(stored.size());
		return repeated;
	}

	@AfterAll
	static void stop() {
		context.close();
		sandbox.close();
	}

	@Test
	void planningLeavesWhatTheSendingNeedsInTheJobsExecutionContext() throws IOException {
		// given: row 4 repeats row 3 (row numbers as the sheet shows them, header first), and the dates are day first
		JobParameters parameters = parameters("plan", pins("""
				title,description,media_url,board,account,publish_at
				One,First pin,https://images.example.com/1.jpg,Garden Projects,acme-garden,25/12/2030 10:00
				Two,Second pin,https://images.example.com/2.jpg,Garden Projects,acme-garden,26/12/2030 10:00
				Two,Second pin,https://images.example.com/2.jpg,Garden Projects,acme-garden,26/12/2030 10:00
				"""));

		int postsBefore = sandbox.postCount();

		// when
		JobExecution execution = jobs.startStep(PinImportJobConfiguration.PLAN_STEP, parameters, new ExecutionContext());

		// then
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ExecutionContext planned = execution.getExecutionContext();
		assertThat(planned.getString(PlanPinsTasklet.DATE_ORDER)).isEqualTo("DAY_FIRST");
		assertThat(repeatedRows(planned)).containsExactly(Map.entry(4L, 3L));
		assertThat(planned.containsKey(PlanPinsTasklet.FIRST_START)).isTrue();
		assertThat(sandbox.postCount()).as("planning creates nothing").isEqualTo(postsBefore);
	}

	@Test
	void thePlanStepPlansFromWhatTheLaunchersReadFoundWithoutReadingTheFileAgain() throws IOException {
		// given: a launcher read the input, named as the user typed it, and kept what it found for the job
		Path file = pins("""
				title,description,media_url,board,account,publish_at
				One,First pin,https://images.example.com/1.jpg,Garden Projects,acme-garden,25/12/2030 10:00
				Two,Second pin,https://images.example.com/2.jpg,Garden Projects,acme-garden,26/12/2030 10:00
				Two,Second pin,https://images.example.com/2.jpg,Garden Projects,acme-garden,26/12/2030 10:00
				""");
		InputParameters launched = new InputParameters("kept", Path.of("").toAbsolutePath().relativize(file),
				dir.resolve("pins.results.csv"), null, null, null, null, null, ZoneOffset.UTC, null, "now", false, null,
				false, false, null, "host test");
		InputSurveys surveys = context.getBean(InputSurveys.class);
		surveys.keep(launched, surveys.read(launched));
		Files.delete(file); // a plan step that read the file would fail

		// when: the job's plan step, with the parameters the launcher starts the job with
		JobExecution execution = jobs.startStep(PinImportJobConfiguration.PLAN_STEP,
				launched.withTarget(ApiSessionSource.ZERNIO).toJobParameters(), new ExecutionContext());

		// then: it planned what the launcher's read found
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		ExecutionContext planned = execution.getExecutionContext();
		assertThat(planned.getString(PlanPinsTasklet.DATE_ORDER)).isEqualTo("DAY_FIRST");
		assertThat(repeatedRows(planned)).containsExactly(Map.entry(4L, 3L));
	}

	@Test
	void whatTheLaunchersReadFoundIsKeptOnlyWithinItsMemoryBudget() throws IOException {
		// given: room for what was read of one three-row input, not of two
		InputParameters first = threePins("first");
		InputParameters second = threePins("second");
		InputSetup setup = context.getBean(InputSetup.class);
		RowResultStore store = context.getBean(RowResultStore.class);
		InputSurveys.Surveyed firstRead = new InputSurveys(setup, store).read(first);
		InputSurveys surveys = new InputSurveys(setup, store, firstRead.bytes() * 3 / 2);
		InputSurveys.Surveyed secondRead = surveys.read(second);

		// when
		surveys.keep(first, firstRead);
		surveys.keep(second, secondRead);

		// then: the first input's plan step takes what was read, the second's reads its file again
		assertThat(surveys.take(first)).isSameAs(firstRead);
		assertThat(surveys.take(second)).isNotSameAs(secondRead);
		surveys.keep(second, secondRead);
		assertThat(surveys.take(second)).as("kept once the first was taken").isSameAs(secondRead);
	}

	@Test
	void whatTheLaunchersReadOfAMillionRowsFindsIsKeptFor256MbOfHeap() throws IOException {
		// given: 20,000 rows, and the budget a quarter of a 256 MB heap gives a million rows, for as many
		// (kept as objects, a million rows' plan took 72 MB and the plan step read the file a third time)
		int rows = 20_000;
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int pin = 1; pin <= rows; pin++) {
			csv.append("Pin ").append(pin).append(",About pin ").append(pin).append(",https://images.example.com/")
				.append(pin).append(".jpg,Garden Projects,acme-garden,2027-01-").append(pin % 28 + 1)
				.append(" 10:00\n");
		}
		InputParameters input = new InputParameters("million", Files.writeString(dir.resolve("million.csv"), csv),
				dir.resolve("million.results.csv"), null, null, null, null, null, ZoneOffset.UTC, null, "now", false,
				null, false, false, ApiSessionSource.ZERNIO, null);
		InputSurveys surveys = new InputSurveys(context.getBean(InputSetup.class),
				context.getBean(RowResultStore.class), (256L << 20) / 4 * rows / 1_000_000);
		InputSurveys.Surveyed read = surveys.read(input);
		assertThat(read.check().rows()).isEqualTo(rows);

		// when
		surveys.keep(input, read);

		// then: the plan step takes it rather than reading the file again
		assertThat(surveys.take(input)).isSameAs(read);
	}

	private InputParameters threePins(String name) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account\n");
		for (int pin = 1; pin <= 3; pin++) {
			csv.append(name).append(' ').append(pin).append(",Pin ").append(pin).append(" of ").append(name)
				.append(",https://images.example.com/").append(name).append(pin).append(".jpg,Garden Projects,")
				.append("acme-garden\n");
		}
		return new InputParameters(name, Files.writeString(dir.resolve(name + ".csv"), csv),
				dir.resolve(name + ".results.csv"), null, null, null, null, null, ZoneOffset.UTC, null, "now", false, null,
				false, false, ApiSessionSource.ZERNIO, null);
	}

	@Test
	void aRowWhosePinAnEarlierRunPublishedTakesThatPinsOutcomeEvenOnceItsDateHasPassed() throws Exception {
		// given: last week's run published this row's pin (as the job repository holds it); the sheet came back
		// with the row unchanged, its date now past
		List<String> headers = List.of("title", "description", "media_url", "board", "account", "publish_at");
		List<String> row = List.of("Old", "Published last week", "https://images.example.com/last-week.jpg",
				"Garden Projects", "acme-garden", "2026-11-28 10:00");
		ValidationSettings settings = new ValidationSettings(ZoneOffset.UTC, null, null, null, null, null, null, null,
				null);
		String identity = new PinIdentity(settings, "NOW")
			.of(ColumnMapping.defaults().bind(headers).draft(new InputRow(5, headers, row)));
		RowResultStore store = context.getBean(RowResultStore.class);
		store.markSent("last-week", 5, "r5", Instant.parse("2026-11-27T18:00:00Z"),
				new PinKey(identity, ApiSessionSource.ZERNIO));
		store.save("last-week", new RowResult(5, RowStatus.PUBLISHED, "post-of-last-week",
				"https://www.pinterest.com/pin/77/", null, null, 1, "r5", Instant.parse("2026-11-27T18:00:05Z")));
		int postsBefore = sandbox.postCount();

		// when
		JobExecution execution = jobs.startJob(parameters("came-back",
				pins(String.join(",", headers) + "\n" + String.join(",", row) + "\n")));

		// then: not sent, and not INVALID for its date: the pin it made is there
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> lines = Files.readAllLines(dir.resolve("pins.results.csv"));
		assertThat(lines.get(1)).contains(",PUBLISHED,post-of-last-week,https://www.pinterest.com/pin/77/,",
				": a run on 2026-11-27 created this pin from its row 5");
		assertThat(sandbox.postCount()).isEqualTo(postsBefore);
	}

	@Test
	void aPinThatFailedForGoodStandsForItsRowUntilZernioNoLongerHasIt() {
		// given: an earlier run's pin of a row, which Pinterest refused for its media
		List<String> headers = List.of("title", "description", "media_url", "board", "account");
		List<String> row = List.of("Refused", "Pinterest could not read it", "https://images.example.com/refused.jpg",
				"Garden Projects", "acme-garden");
		ValidationSettings settings = new ValidationSettings(ZoneOffset.UTC, null, null, null, null, null, null, null,
				null);
		String identity = EarlierPins.identities(settings, WhenNoDate.NOW)
			.of(ColumnMapping.defaults().bind(headers).draft(new InputRow(3, headers, row)));
		RowResultStore store = context.getBean(RowResultStore.class);
		store.markSent("refused-before", 3, "r3", Instant.parse("2026-12-01T18:00:00Z"),
				new PinKey(identity, ApiSessionSource.ZERNIO));
		store.save("refused-before", new RowResult(3, RowStatus.FAILED, "post-refused", null, "publish_invalid_media",
				"Pinterest could not use the media", 1, "r3", Instant.parse("2026-12-01T18:00:05Z")));
		EarlierPins earlier = new EarlierPins(store, key -> Optional.empty(), "tonight", ApiSessionSource.ZERNIO);

		// when: tonight's run of the sheet asks, while Zernio has the post, and once it no longer has it
		Optional<RowResult> standing = earlier.outcomeOrFailureOf(7, identity,
				post -> Optional.of(new PostSchedule(true, null)));
		Optional<RowResult> deleted = earlier.outcomeOrFailureOf(7, identity, post -> Optional.empty());

		// then: the row is that pin's failure, not sent again; a post deleted since stands for nothing
		assertThat(standing).hasValueSatisfying(result -> {
			assertThat(result.status()).isEqualTo(RowStatus.FAILED);
			assertThat(result.postId()).isEqualTo("post-refused");
			assertThat(result.errorCode()).isEqualTo("publish_invalid_media");
			assertThat(result.errorMessage()).contains("created from its row 3 (post post-refused) failed");
		});
		assertThat(deleted).isEmpty();
		assertThat(earlier.outcomeOf(7, identity)).as("a line of --retry-failed: the retry decides").isEmpty();
	}

	@Test
	void aDryRunWritesEveryRowToTheResultFileAndStoresNothingPerRow() throws Exception {
		// given: one good row (a pin of its own: this class's runs share a job repository, and the pins other tests
		// sent are DUPLICATE to a dry run), one without a title or media
		JobParameters parameters = new InputParameters("dry", pins("""
				title,description,media_url,board,account
				One,Only checked,https://images.example.com/checked.jpg,Garden Projects,acme-garden
				,Second pin,,Garden Projects,acme-garden
				"""), dir.resolve("pins.results.csv"), null, null, null, null, null, ZoneOffset.UTC, null, "now", false,
				null, false, true, ApiSessionSource.ZERNIO, null).toJobParameters();
		int postsBefore = sandbox.postCount();

		// when
		JobExecution execution = jobs.startJob(parameters);

		// then: the job wrote the result file itself, and its totals are in its execution context
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
			.containsExactly(PinImportJobConfiguration.PLAN_STEP, PinImportJobConfiguration.CHECK_STEP);
		assertThat(Files.readAllLines(dir.resolve("pins.results.csv"))).hasSize(3)
			.anySatisfy(line -> assertThat(line).startsWith("One,").contains(",VALID,"))
			.anySatisfy(line -> assertThat(line).contains(",Second pin,", ",INVALID,", "media_missing"));
		assertThat(ResultTotals.of(execution.getExecutionContext()).orElseThrow().asMap())
			.isEqualTo(Map.of(RowStatus.VALID, 1L, RowStatus.INVALID, 1L));
		assertThat(ResultTotals.rowsDone(execution.getExecutionContext())).contains(2L);
		assertThat(context.getBean(RowResultStore.class).countByStatus("dry")).isEmpty();
		assertThat(sandbox.postCount()).isEqualTo(postsBefore);
	}

	@Test
	void aRestartWritesTheResultFileOfWhatItDidNotTheFailedExecutionsTotals() throws Exception {
		// given: a job that failed with Zernio down, its rows PENDING in the result file it wrote (a scheduled pin:
		// the restart has no publishing to wait for)
		JobParameters parameters = parameters("restart", pins("""
				title,description,media_url,board,account,publish_at
				Restarted,Zernio back,https://img.example.com/r.jpg,Garden Projects,acme-garden,2031-01-01T10:00Z
				"""));
		sandbox.failNextCreates(10_000, 503);
		JobExecution failed = jobs.startJob(parameters);
		sandbox.failNextCreates(0, 503);

		// when: the same job instance again, Zernio back
		JobExecution restarted = jobs.startJob(parameters);

		// then
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(ResultTotals.of(failed.getExecutionContext()).orElseThrow().count(RowStatus.PENDING)).isEqualTo(1);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(ResultTotals.of(restarted.getExecutionContext()).orElseThrow().count(RowStatus.PENDING))
			.as("the restart's own result file, not the failed execution's totals carried over")
			.isZero();
		assertThat(Files.readString(dir.resolve("pins.results.csv"))).doesNotContain(",PENDING,");
	}

	@Test
	void aJobStoppedWhileFollowingItsPinsResumesFollowingOnRestartAndCreatesNothing() throws Exception {
		// given: a job that sent its pins and is following them when it is stopped
		JobParameters parameters = parameters("follow", pins("""
				title,description,media_url,board,account
				One,First pin,https://images.example.com/1.jpg,Garden Projects,acme-garden
				Two,Second pin,https://images.example.com/2.jpg,Garden Projects,acme-garden
				"""));
		int postsAtStart = sandbox.postCount();
		long createsAtStart = creates();
		CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(() -> start(parameters));
		long listings = awaitListingAfter(listings());
		JobOperator operator = jobs.getJobOperator();
		Set<Long> running = operator.getRunningExecutions(PinImportJobConfiguration.JOB_NAME);
		assertThat(running).as("still following after %d listings", listings).hasSize(1);
		operator.stop(running.iterator().next());
		JobExecution stopped = first.get(60, TimeUnit.SECONDS);
		clock.add(Duration.ofSeconds(10)); // the pins go live while the job is stopped
		int postsBefore = sandbox.postCount();
		long listingsBefore = listings();

		// when: the same job instance again
		JobExecution restarted = start(parameters);

		// then: it went on following the pins (within its request budget) and created nothing
		assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(ResultTotals.of(stopped.getExecutionContext())).as("the stopped job wrote its result file")
			.hasValueSatisfying(tally -> assertThat(tally.count(RowStatus.PENDING)).isZero());
		assertThat(dir.resolve("pins.results.csv")).exists();
		assertThat(step(stopped, PinImportJobConfiguration.SEND_STEP).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step(stopped, PinImportJobConfiguration.FOLLOW_STEP).getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(stopped.getJobInstance().getInstanceId());
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
			.doesNotContain(PinImportJobConfiguration.SEND_STEP);
		assertThat(step(restarted, PinImportJobConfiguration.FOLLOW_STEP).getStatus())
			.isEqualTo(BatchStatus.COMPLETED);
		assertThat(listings()).as("the restart asked Zernio again").isGreaterThan(listingsBefore);
		assertThat(sandbox.postCount()).isEqualTo(postsBefore).isEqualTo(postsAtStart + 2);
		assertThat(creates()).isEqualTo(createsAtStart + 2);
		assertThat(context.getBean(RowResultStore.class).countByStatus("follow").keySet())
			.isSubsetOf(RowStatus.CREATED, RowStatus.PUBLISHED);
	}

	/**
	 * A run following a post that another run holds too (a --retry-failed on the post that run failed): what the
	 * following learns is that run's news as well, so its input's result file, named again, says it. Before, the
	 * nightly file kept the failure the retry mended (cron operator review).
	 */
	@Test
	void whatTheFollowingLearnsOfAPostIsLearntByEveryRunHoldingIt() throws Exception {
		// given: a run whose pin is on Zernio and still to learn; another run holds that post as a passing failure
		JobParameters parameters = parameters("learns", pins("""
				title,description,media_url,board,account
				Learnt,Learnt pin,https://images.example.com/learnt.jpg,Garden Projects,acme-garden
				"""));
		assertThat(start(parameters).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		RowResultStore store = context.getBean(RowResultStore.class);
		String postId = store.find("learns", List.of(2L)).get(2L).postId();
		store.save("learns", new RowResult(2, RowStatus.CREATED, postId, null, null, 1, "r2", Instant.now()));
		store.save("failed-it", new RowResult(7, RowStatus.FAILED, postId, "publish_rate_limited", "Pinterest did not"
				+ " publish the pin", 1, "r7", Instant.now()));
		clock.add(Duration.ofSeconds(10)); // live on Pinterest

		// when: the run follows its pin
		JobExecution followed = jobs.startStep(PinImportJobConfiguration.FOLLOW_STEP, parameters,
				new ExecutionContext());

		// then
		assertThat(followed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(store.find("learns", List.of(2L)).get(2L).status()).isEqualTo(RowStatus.PUBLISHED);
		assertThat(store.find("failed-it", List.of(7L)).get(7L).status()).isEqualTo(RowStatus.PUBLISHED);
	}

	@Test
	void aRunStoppedWhileSendingEndsStoppedNotFailedAndItsRestartSendsOnlyWhatWasLeft() throws Exception {
		// given: three pins; the run is asked to stop (as on SIGTERM, Ctrl-C or a lost lease) when Zernio receives
		// its first create
		JobParameters parameters = parameters("stopped", pins("""
				title,description,media_url,board,account,publish_at
				One,Stopped run's first pin,https://images.example.com/s1.jpg,Kitchen Ideas,acme-home,2031-01-05 10:00
				Two,Stopped run's second pin,https://images.example.com/s2.jpg,Kitchen Ideas,acme-home,2031-01-05 11:00
				Three,Stopped run's third pin,https://images.example.com/s3.jpg,Kitchen Ideas,acme-home,2031-01-05 12:00
				"""));
		GracefulStop stop = context.getBean(GracefulStop.class);
		int postsAtStart = sandbox.postCount();
		sandbox.onRequestArrived(request -> {
			if (request.startsWith("POST ") && request.endsWith("/v1/posts")) {
				stop.stopRun("stopped", GracefulStop.STOPPED);
			}
		});
		JobExecution stopped;
		try {
			stopped = jobs.startJob(parameters);
		}
		finally {
			sandbox.onRequestArrived(request -> {
			});
			stop.forgetRun("stopped");
		}

		// when: the same job instance again
		JobExecution restarted = jobs.startJob(parameters);

		// then: Spring Batch's word for a stop, the one line that says why kept, and every pin made once
		assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(step(stopped, PinImportJobConfiguration.SEND_STEP).getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(stopped.getAllFailureExceptions()).anySatisfy(failure -> assertThat(failure)
			.hasRootCauseInstanceOf(SendingStoppedException.class)
			.hasRootCauseMessage(GracefulStop.STOPPED));
		assertThat(ResultTotals.of(stopped.getExecutionContext()).orElseThrow().count(RowStatus.PENDING))
			.isPositive();
		assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(stopped.getJobInstance().getInstanceId());
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(sandbox.postCount()).isEqualTo(postsAtStart + 3);
		assertThat(context.getBean(RowResultStore.class).countByStatus("stopped").values().stream()
			.mapToLong(Long::longValue).sum()).isEqualTo(3);
	}

	@Test
	void aLongLivedProcessCheckpointsItsJobRepositoryOnceNoJobRuns() throws Exception {
		// given: a process that stays up after its runs, as the web console does (pins scheduled for later: the run
		// need not wait for them to publish)
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int row = 1; row <= 20; row++) {
			csv.append("Pin ").append(row).append(",About pin ").append(row)
				.append(",https://images.example.com/").append(row).append(".jpg,Garden Projects,acme-garden,")
				.append("2030-12-25 ").append(row).append(":00\n");
		}

		// when
		JobExecution execution = jobs.startJob(parameters("checkpoint", pins(csv.toString())));

		// then: what the run stored went into the database's files, its log holds only the job's last update
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(context.getBean(RowResultStore.class).countByStatus("checkpoint").values().stream()
			.mapToLong(Long::longValue).sum()).isEqualTo(20);
		assertThat(Files.size(shared.resolve("data/jobrepo.log"))).as("bytes in the job repository's log")
			.isLessThan(4_096); // about 49 KB without the checkpoint
	}

	private JobExecution start(JobParameters parameters) {
		try {
			return jobs.startJob(parameters);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the follow step asked Zernio for the posts; returns how many listings there were since. */
	private long awaitListingAfter(long before) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			long listings = listings() - before;
			if (listings > 0) {
				return listings;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the job never followed its pins");
	}

	/** The requests that list posts: the follow step's. */
	private long listings() {
		return sandbox.requests()
			.stream()
			.filter(request -> request.method().equals("GET") && request.path().endsWith("/v1/posts"))
			.count();
	}

	private long creates() {
		return sandbox.requests()
			.stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"))
			.count();
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(name)).findFirst()
			.orElseThrow();
	}

	private Path pins(String csv) throws IOException {
		return Files.writeString(dir.resolve("pins.csv"), csv);
	}

	private JobParameters parameters(String runKey, Path input) {
		return new InputParameters(runKey, input, dir.resolve("pins.results.csv"), null, null, null, null, null,
				ZoneOffset.UTC, null, "now", false, null, false, false, ApiSessionSource.ZERNIO, null).toJobParameters();
	}
}
