package com.pinbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import com.pinbatch.input.InputChangedException;
import com.pinbatch.input.InputFileException;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.ZernioApiException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.jdbc.UncategorizedSQLException;

/** The one line a user reads when an input's run did not complete: the cause in their terms, never a stack trace. */
class StopReasonsTests {

	@Test
	void aCompletedJobNeedsNoReason() {
		assertThat(StopReasons.of(execution(BatchStatus.COMPLETED), false)).isNull();
		assertThat(StopReasons.of(execution(BatchStatus.COMPLETED), true)).as("a stop that came too late").isNull();
	}

	@Test
	void aStopAskedForIsSaidTheSameWayWhateverTheJobFailedWith() {
		JobExecution failed = execution(BatchStatus.FAILED, new IllegalStateException("interrupted"));

		assertThat(StopReasons.of(failed, true)).isEqualTo(GracefulStop.STOPPED);
		assertThat(StopReasons.of(new IllegalStateException("interrupted"), true)).isEqualTo(GracefulStop.STOPPED);
	}

	@Test
	void aJobTheRepositoryHoldsAsRunningIsOneLineNotTheWholeExecution() {
		JobExecutionAlreadyRunningException running = new JobExecutionAlreadyRunningException(
				"A job execution for this job is already running: JobExecution: id=0, version=2, jobParameters=[...]");

		assertThat(StopReasons.of(running, false)).startsWith("the job repository holds this input's job as running")
			.doesNotContain("JobExecution:").doesNotContain("jobParameters");
	}

	@Test
	void aStopOnceEveryRowWasDecidedDoesNotSpeakOfPendingRows() {
		// stopped while the run waited for Pinterest's outcomes: every row sent or decided, none PENDING
		assertThat(StopReasons.said(GracefulStop.STOPPED, false)).isEqualTo(GracefulStop.STOPPED_FOLLOWING)
			.doesNotContain("rows not reached are PENDING").contains("run the same command again");
		assertThat(StopReasons.said(GracefulStop.STOPPED, true)).isEqualTo(GracefulStop.STOPPED);
		String keyRejected = "Zernio rejected the API key (401: Unauthorized); nothing more is sent; check the key,"
				+ " then run the same command to resume";
		assertThat(StopReasons.said(keyRejected, false)).isEqualTo(keyRejected);
	}

	@Test
	void zernioGoneWhileThePinsAreFollowedSaysWhatToDo() {
		// before: the failed request's own words alone ("Zernio answered GET /v1/posts with HTTP 503: ..."), under a
		// summary whose rows were all sent
		String zernioDown = "Zernio answered GET /v1/posts with HTTP 503: Service temporarily unavailable.";

		assertThat(StopReasons.said(zernioDown, false)).isEqualTo(zernioDown + " — while learning what became of the"
				+ " pins (no row is PENDING): run the same command again once Zernio answers, to learn the rest");
		assertThat(StopReasons.said(zernioDown, true)).isEqualTo(zernioDown);
	}

	@Test
	void zernioOrTheSendingStoppingSaysItsOwnWordsEvenWhenWrapped() {
		JobExecution keyRejected = execution(BatchStatus.FAILED, new IllegalStateException("step failed",
				new SendingStoppedException(SendingStoppedException.Reason.ACCESS_REFUSED,
						"Zernio rejected the API key; check ZERNIO_API_KEY")));
		JobExecution zernioDown = execution(BatchStatus.FAILED,
				new ZernioApiException(503, "Zernio answered 503 five times in a row"));

		assertThat(StopReasons.of(keyRejected, false)).isEqualTo("Zernio rejected the API key; check ZERNIO_API_KEY");
		assertThat(StopReasons.of(zernioDown, false)).isEqualTo("Zernio answered 503 five times in a row");
	}

	@Test
	void aFollowUpSaysWhyItStoppedInItsOwnWordsAndThatNothingWasCreated() {
		// a follow-up creates nothing: a stop on request says so; Zernio down or a result file it could not read says
		// that, as the command line and the console both show it
		JobExecution zernioDown = execution(BatchStatus.FAILED,
				new ZernioApiException(503, "Zernio answered 503 five times in a row"));
		JobExecution fileGone = execution(BatchStatus.FAILED, new IllegalStateException("step failed",
				new InputFileException("pins.results.csv: the file is gone; run the same command again")));

		assertThat(StopReasons.ofFollowUp(execution(BatchStatus.COMPLETED), true)).isNull();
		assertThat(StopReasons.ofFollowUp(zernioDown, true)).contains("nothing was created")
			.doesNotContain("PENDING");
		assertThat(StopReasons.ofFollowUp(zernioDown, false)).isEqualTo("Zernio answered 503 five times in a row");
		assertThat(StopReasons.ofFollowUp(fileGone, false))
			.isEqualTo("pins.results.csv: the file is gone; run the same command again");
		assertThat(StopReasons.ofFollowUp(execution(BatchStatus.STOPPED), false))
			.startsWith("the follow-up stopped before the end (STOPPED)");
	}

	@Test
	void anInputSavedAgainDuringItsRunSaysSoAndWhatToDo() {
		JobExecution saved = execution(BatchStatus.FAILED,
				new IllegalStateException("step failed", new InputChangedException(Path.of("inbox/pins.csv"))));

		assertThat(StopReasons.of(saved, false)).startsWith("inbox/pins.csv changed while its run was using it")
			.contains("Run the same command again: the file as it is now is a new run, which finds the pins this"
					+ " one created instead of creating them again")
			.doesNotContain("put the file back");
	}

	@Test
	void theJobRepositoryFailingIsNamedWithoutItsSql() {
		JobExecution failed = execution(BatchStatus.FAILED, new UncategorizedSQLException("update",
				"UPDATE BATCH_STEP_EXECUTION SET VERSION = ?", new SQLException("connection is broken", "08003")));

		assertThat(StopReasons.of(failed, false)).contains("job repository", "connection is broken")
			.doesNotContain("UPDATE");
	}

	@Test
	void anythingElseSaysHowToResume() {
		assertThat(StopReasons.of(execution(BatchStatus.STOPPED), false))
			.isEqualTo("the run stopped before the end (STOPPED); run the same command again to resume");
		assertThat(StopReasons.of(execution(BatchStatus.FAILED, new IllegalArgumentException("boom")), false))
			.startsWith("the run failed unexpectedly (").contains("boom")
			.endsWith("run the same command again to resume");
	}

	private static JobExecution execution(BatchStatus status, Throwable... failures) {
		JobExecution execution = new JobExecution(1L, new JobInstance(1L, "pinImportJob"), new JobParameters());
		execution.setStatus(status);
		for (Throwable failure : failures) {
			execution.addFailureException(failure);
		}
		return execution;
	}
}
