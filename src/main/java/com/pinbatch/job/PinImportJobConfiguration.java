package com.pinbatch.job;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.pinbatch.input.InputRow;
import com.pinbatch.result.ResultFileBuilder;
import com.pinbatch.result.RowResultStore;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pin import job: one partition per input file (run side by side on a local task executor), each a
 * chunk-oriented step, reader → processor (map, validate, resolve boards) → writer (send concurrently, record each
 * outcome). All partitions send through the run's one paced sender and one pool of sending threads, so the global
 * pace and the per-account caps hold across files.
 * <p>
 * There is deliberately no skip or retry policy on the step: bad rows become INVALID results in the processor,
 * per-row API failures become FAILED results in the writer, and transient API errors are retried per row by the
 * paced sender with the same x-request-id. Anything that still escapes is systemic and fails the partition, so the
 * same command resumes the unfinished partitions after their last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class PinImportJobConfiguration {

	public static final String JOB_NAME = "pinImportJob";

	/** The step each partition runs; a partition's step execution is named {@code sendPinsStep:input-RUNKEY}. */
	public static final String WORKER_STEP = "sendPinsStep";

	/** The step that follows the run's pins after the sends. */
	public static final String FOLLOW_STEP = "followPinsStep";

	/** The input key of the partition a step-scoped bean is created for. */
	private static final String INPUT_OF_PARTITION = "#{stepExecutionContext['" + InputPartitioner.INPUT_KEY + "']}";

	@Bean
	Job pinImportJob(JobRepository jobRepository, Step importInputsStep, Step followPinsStep,
			GracefulStop gracefulStop) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(gracefulStop)
			.start(importInputsStep)
			.next(followPinsStep)
			.build();
	}

	/**
	 * After the sends, the run follows its pins through Pinterest's publishing (bounded); restartable on its own, so
	 * a run stopped while following resumes following and creates nothing.
	 */
	@Bean
	Step followPinsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CurrentRun currentRun, RunInputs runInputs, RowResultStore rowResultStore, RunProgress runProgress,
			FollowProperties follow) {
		return new StepBuilder(FOLLOW_STEP, jobRepository)
			.tasklet(new FollowPinsTasklet(currentRun, runInputs, rowResultStore, runProgress, follow,
					Clock.systemUTC()), transactionManager)
			.build();
	}

	@Bean
	GracefulStop gracefulStop(JobOperator jobOperator, ExecutorService pinSenders) {
		return new GracefulStop(jobOperator, pinSenders);
	}

	/**
	 * Partitions run side by side up to {@code pinbatch.parallel-inputs}: they share the sending threads and the
	 * pace, so more only overlaps reading and checking rows (and one file's chunk boundary with another's sends).
	 */
	@Bean
	Step importInputsStep(JobRepository jobRepository, Step sendPinsStep, CurrentRun currentRun,
			PinbatchProperties properties) {
		SimpleAsyncTaskExecutor inputs = new SimpleAsyncTaskExecutor("input-");
		inputs.setConcurrencyLimit(properties.parallelInputs());
		return new StepBuilder("importInputsStep", jobRepository)
			.partitioner(WORKER_STEP, new InputPartitioner(currentRun))
			.step(sendPinsStep)
			.taskExecutor(inputs)
			.build();
	}

	@Bean
	Step sendPinsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InputRowReader inputRowReader, PinRowProcessor pinRowProcessor, PinSendingWriter pinSendingWriter,
			RunInputs runInputs, PinbatchProperties properties) {
		return new StepBuilder(WORKER_STEP, jobRepository)
			.<InputRow, PreparedRow>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(inputRowReader)
			.processor(pinRowProcessor)
			.writer(pinSendingWriter)
			.listener(new InputFinishedListener(runInputs))
			.build();
	}

	@Bean
	@StepScope
	InputRowReader inputRowReader(CurrentRun currentRun, @Value(INPUT_OF_PARTITION) String inputKey) {
		RunPlan plan = currentRun.get(inputKey);
		return new InputRowReader(plan.input(), plan.inputOptions());
	}

	@Bean
	@StepScope
	PinRowProcessor pinRowProcessor(CurrentRun currentRun, @Value(INPUT_OF_PARTITION) String inputKey) {
		return new PinRowProcessor(currentRun.get(inputKey));
	}

	@Bean
	@StepScope
	PinSendingWriter pinSendingWriter(CurrentRun currentRun, @Value(INPUT_OF_PARTITION) String inputKey,
			RowResultStore rowResultStore, ExecutorService pinSenders, RunProgress runProgress,
			PinbatchProperties properties) {
		return new PinSendingWriter(currentRun.get(inputKey), rowResultStore, pinSenders, runProgress,
				properties.reconcileAfter());
	}

	@Bean
	CurrentRun currentRun() {
		return new CurrentRun();
	}

	@Bean
	RunInputs runInputs(DataSource dataSource) {
		return new RunInputs(dataSource);
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
	RunProgress runProgress() {
		return new RunProgress(Clock.systemUTC());
	}

	/** Bounded: concurrency beyond what keeps the API ceiling busy only adds 429s. */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService pinSenders(PinbatchProperties properties) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory daemons = runnable -> {
			Thread thread = new Thread(runnable, "pin-sender-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return Executors.newFixedThreadPool(properties.concurrency(), daemons);
	}
}
