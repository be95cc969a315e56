package com.pinbatch.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.pinbatch.concurrent.DaemonThreads;
import com.pinbatch.follow.FollowProperties;
import com.pinbatch.input.InputRow;
import com.pinbatch.result.EarlierSends;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.schema.HsqldbCheckpoints;
import com.pinbatch.stop.GracefulStop;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pin import job: one job instance per input, identified by the input's run key (its content and every option
 * that changes what is sent). Its steps: planning (survey the input, look its boards up, plan the caps); sending, a
 * chunk-oriented step, reader → processor (map, validate, resolve boards) → writer (send concurrently, record each
 * outcome); then following the pins through Pinterest's publishing. A dry run checks its rows instead (the same
 * reader and processor, a writer that writes each row's result line at once) and sends nothing. However the job
 * ends, a listener writes the input's complete result file and keeps its totals in the job's execution context.
 * Several inputs are several job executions side by side; they all send through one paced sender and one pool of
 * sending threads, so the global pace and the per-account caps hold across files.
 * <p>
 * There is deliberately no skip or retry policy on the step: bad rows become INVALID results in the processor,
 * per-row API failures become FAILED results in the writer, and transient API errors are retried per row by the
 * paced sender with the same x-request-id. Anything that still escapes is systemic and fails the step, so the same
 * command restarts the job instance, after the step's last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PinbatchProperties.class, ThrottleProperties.class, XlsxProperties.class,
		MediaCheckProperties.class })
@Import({ InputSurveys.class, RunPlans.class, InputSetup.class, PlansUnderWay.class })
public class PinImportJobConfiguration {

	public static final String JOB_NAME = "pinImportJob";

	/** The step that sends the input's rows. */
	public static final String SEND_STEP = "sendPinsStep";

	/** The step that follows the run's pins after the sends. */
	public static final String FOLLOW_STEP = "followPinsStep";

	/** The step that surveys and plans the input before anything is sent. */
	public static final String PLAN_STEP = "planPinsStep";

	/** The job execution a step-scoped bean is created for. */
	private static final String JOB_EXECUTION = "#{stepExecution.jobExecution}";

	/** The step that checks a dry run's rows and writes them to the result file; nothing is sent. */
	public static final String CHECK_STEP = "checkPinsStep";

	/**
	 * After planning, a dry run checks its rows; any other run sends them, then follows its pins. Listeners hear of
	 * the job's end in reverse order: the result file is written before the job repository is checkpointed.
	 */
	@Bean
	Job pinImportJob(JobRepository jobRepository, Step planPinsStep, Step sendPinsStep, Step followPinsStep,
			Step checkPinsStep, GracefulStop gracefulStop, ResultFileListener resultFileListener,
			HsqldbCheckpoints hsqldbCheckpoints) {
		JobExecutionDecider dryRunOrSend = (job, step) -> new FlowExecutionStatus(
				InputParameters.of(job.getJobParameters()).dryRun() ? DRY_RUN : SEND);
		return new JobBuilder(JOB_NAME, jobRepository).listener(hsqldbCheckpoints)
			.listener(gracefulStop)
			.listener(resultFileListener)
			.start(planPinsStep)
			.next(dryRunOrSend)
			.on(DRY_RUN)
			.to(checkPinsStep)
			.from(dryRunOrSend)
			.on(SEND)
			.to(sendPinsStep)
			.next(followPinsStep)
			.end()
			.build();
	}

	private static final String DRY_RUN = "DRY_RUN";

	/**
	 * The steps hold no database transaction while they work: a chunk at a small rate tier takes many minutes and a
	 * follow round waits between look-ups, and a connection held that long sat idle in a transaction, then was lost
	 * to a restart or failover of a shared PostgreSQL (the run failed at the chunk's end). Nothing needs one: each
	 * row's outcome is stored the moment it is known, in a statement of its own, and a re-read chunk finds it; the
	 * job repository keeps the steps' progress in transactions of its own.
	 */
	static final PlatformTransactionManager NO_STEP_TRANSACTION = new ResourcelessTransactionManager();

	/** Rows per chunk of a dry run: its rows are held until the chunk is written, about 1 KB each. */
	private static final int DRY_RUN_CHUNK = 5000;

	private static final String SEND = "SEND";

	/** How long a sending thread without work is kept before it is let go. */
	private static final Duration SENDER_IDLE = Duration.ofSeconds(30);

	@Bean
	ResultFileListener resultFileListener(ResultFileBuilder resultFileBuilder, InputSetup setup,
			JobRepository jobRepository) {
		return new ResultFileListener(resultFileBuilder, setup, jobRepository);
	}

	/** A dry run: the same reader and processor as the sends, and a writer that writes the result file at once. */
	@Bean
	Step checkPinsStep(JobRepository jobRepository, InputRowReader inputRowReader, PinRowProcessor pinRowProcessor,
			DryRunResultWriter dryRunResultWriter, InputUnchangedCheck inputUnchangedCheck,
			PinbatchProperties properties) {
		// larger chunks than the sends': a dry run is never resumed, so a commit per 2,000 rows would only cost time
		return new StepBuilder(CHECK_STEP, jobRepository)
			.<InputRow, PreparedRow>chunk(Math.max(properties.chunkSize(), DRY_RUN_CHUNK))
			.transactionManager(NO_STEP_TRANSACTION)
			.reader(inputRowReader)
			.processor(pinRowProcessor)
			.writer(dryRunResultWriter)
			.listener((StepExecutionListener) dryRunResultWriter)
			.listener(inputUnchangedCheck)
			.build();
	}

	@Bean
	@StepScope
	DryRunResultWriter dryRunResultWriter(RunPlans plans, @Value(JOB_EXECUTION) JobExecution job,
			InputRowReader inputRowReader, RunProgresses runProgresses) {
		InputParameters input = InputParameters.of(job.getJobParameters());
		return new DryRunResultWriter(plans.of(job), input.results(), inputRowReader,
				runProgresses.of(input.runKey()));
	}

	/**
	 * Before the sends, the input is surveyed and planned (see {@link PlanPinsTasklet}); again on every restart.
	 */
	@Bean
	Step planPinsStep(JobRepository jobRepository, InputSurveys surveys, ApiSessionSource sessions,
			GracefulStop gracefulStop, ApplicationEventPublisher lines,
			ThrottleProperties throttle, PinbatchProperties properties, MediaCheckProperties media,
			EarlierPins earlierPins, RunProgresses runProgresses, PlansUnderWay plansUnderWay) {
		return new StepBuilder(PLAN_STEP, jobRepository)
			.tasklet(new PlanPinsTasklet(surveys, sessions, gracefulStop, lines, throttle, properties, media,
					earlierPins, runProgresses, plansUnderWay), NO_STEP_TRANSACTION)
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * After the sends, the run follows its pins through Pinterest's publishing (bounded); restartable on its own, so
	 * a run stopped while following resumes following and creates nothing.
	 */
	@Bean
	Step followPinsStep(JobRepository jobRepository, ApiSessionSource sessions, RowResultStore rowResultStore,
			RunProgresses runProgresses, FollowProperties follow, GracefulStop gracefulStop) {
		return new StepBuilder(FOLLOW_STEP, jobRepository)
			.tasklet(new FollowPinsTasklet(sessions, rowResultStore, runProgresses, follow,
					Clock.systemUTC(), gracefulStop.pause()), NO_STEP_TRANSACTION)
			.build();
	}

	@Bean
	GracefulStop gracefulStop(JobOperator jobOperator, ExecutorService pinSenders) {
		return new GracefulStop(jobOperator, pinSenders, RunKey.PARAMETER);
	}

	@Bean
	Step sendPinsStep(JobRepository jobRepository, InputRowReader inputRowReader, PinRowProcessor pinRowProcessor,
			PinSendingWriter pinSendingWriter, InputUnchangedCheck inputUnchangedCheck, PinbatchProperties properties) {
		return new StepBuilder(SEND_STEP, jobRepository)
			.<InputRow, PreparedRow>chunk(properties.chunkSize())
			.transactionManager(NO_STEP_TRANSACTION)
			.reader(inputRowReader)
			.processor(pinRowProcessor)
			.writer(pinSendingWriter)
			.listener(inputUnchangedCheck)
			.build();
	}

	/** Both chunk steps stop before sending or writing rows of an input saved again since it was planned. */
	@Bean
	@StepScope
	InputUnchangedCheck inputUnchangedCheck(@Value(JOB_EXECUTION) JobExecution job) {
		return new InputUnchangedCheck(job);
	}

	@Bean
	@StepScope
	InputRowReader inputRowReader(RunPlans plans, @Value(JOB_EXECUTION) JobExecution job) {
		RunPlan plan = plans.of(job);
		return new InputRowReader(plan.input(), plan.inputOptions());
	}

	@Bean
	@StepScope
	PinRowProcessor pinRowProcessor(RunPlans plans, @Value(JOB_EXECUTION) JobExecution job, EarlierPins earlierPins) {
		RunPlan plan = plans.of(job);
		String resultFile = job.getJobParameters().getString(InputParameters.RESULT_FILE);
		// closed with the step (the bean's close)
		EarlierSends earlierSends = plan.dryRun() || resultFile == null ? null : new EarlierSends(Path.of(resultFile),
				plan.api() != null && plan.api().sandbox());
		return new PinRowProcessor(plan, EarlierPins.ofThisRun(earlierPins), earlierSends);
	}

	/**
	 * The pins other runs created, loaded once per job execution (the plan step leaves their rows out, the sending
	 * step does not send them): with a large job repository each load scans it.
	 */
	@Bean
	@JobScope
	EarlierPins earlierPins(RowResultStore rowResultStore, JobRepository jobRepository,
			@Value("#{jobExecution}") JobExecution job) {
		InputParameters input = InputParameters.of(job.getJobParameters());
		return new EarlierPins(rowResultStore, jobRepository, input.runKey(), input.target());
	}

	@Bean
	@StepScope
	PinSendingWriter pinSendingWriter(RunPlans plans, @Value(JOB_EXECUTION) JobExecution job,
			RowResultStore rowResultStore, ExecutorService pinSenders, RunProgresses runProgresses,
			GracefulStop gracefulStop, PinbatchProperties properties, EarlierPins earlierPins) {
		return new PinSendingWriter(plans.of(job), rowResultStore, EarlierPins.ofThisRun(earlierPins), pinSenders,
				runProgresses.of(InputParameters.of(job.getJobParameters()).runKey()), gracefulStop,
				properties.reconcileAfter(), () -> InputAsPlanned.changed(job));
	}

	@Bean
	RowResultStore rowResultStore(DataSource dataSource) {
		return new RowResultStore(dataSource);
	}

	@Bean
	ResultFileBuilder resultFileBuilder(RowResultStore rowResultStore) {
		return new ResultFileBuilder(rowResultStore);
	}

	@Bean
	RunProgresses runProgresses() {
		return new RunProgresses(Clock.systemUTC());
	}

	/**
	 * The pace, not this pool, sets the rate: sends in flight are the rate times Zernio's answer time (seconds for a
	 * pin published at once, which Zernio answers once Pinterest has it), so the pool need only be large enough not
	 * to cap that: 12 held 600/min to 355/min at 2 s an answer, 48 held 1,200/min to 572/min at 5 s. Its threads are
	 * made as sends come and let go when idle, so a console between runs keeps none.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService pinSenders(PinbatchProperties properties) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(),
				SENDER_IDLE.toSeconds(), TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("pin-sender"));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}
}
