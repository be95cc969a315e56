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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pin import job: one chunk-oriented step, reader → processor (map, validate, resolve boards) → writer (send
 * concurrently, record each outcome). There is deliberately no skip or retry policy on the step: bad rows become
 * INVALID results in the processor, per-row API failures become FAILED results in the writer, and transient API
 * errors are retried per row by the paced sender with the same x-request-id. Anything that still escapes is
 * systemic and fails the step, so the same command resumes after the last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
public class PinImportJobConfiguration {

	public static final String JOB_NAME = "pinImportJob";

	@Bean
	Job pinImportJob(JobRepository jobRepository, Step sendPinsStep, GracefulStop gracefulStop) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(gracefulStop).start(sendPinsStep).build();
	}

	@Bean
	GracefulStop gracefulStop(JobOperator jobOperator, ExecutorService pinSenders) {
		return new GracefulStop(jobOperator, pinSenders);
	}

	@Bean
	Step sendPinsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InputRowReader inputRowReader, PinRowProcessor pinRowProcessor, PinSendingWriter pinSendingWriter,
			PinbatchProperties properties) {
		return new StepBuilder("sendPinsStep", jobRepository)
			.<InputRow, PreparedRow>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(inputRowReader)
			.processor(pinRowProcessor)
			.writer(pinSendingWriter)
			.build();
	}

	@Bean
	@StepScope
	InputRowReader inputRowReader(CurrentRun currentRun) {
		RunPlan plan = currentRun.get();
		return new InputRowReader(plan.input(), plan.inputOptions());
	}

	@Bean
	@StepScope
	PinRowProcessor pinRowProcessor(CurrentRun currentRun) {
		return new PinRowProcessor(currentRun.get());
	}

	@Bean
	@StepScope
	PinSendingWriter pinSendingWriter(CurrentRun currentRun, RowResultStore rowResultStore,
			ExecutorService pinSenders, RunProgress runProgress, PinbatchProperties properties) {
		return new PinSendingWriter(currentRun.get(), rowResultStore, pinSenders, runProgress,
				properties.reconcileAfter());
	}

	@Bean
	CurrentRun currentRun() {
		return new CurrentRun();
	}

	@Bean
	RowResultStore rowResultStore(DataSource dataSource) {
		RowResultStore store = new RowResultStore(dataSource);
		store.createTableIfMissing();
		return store;
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
