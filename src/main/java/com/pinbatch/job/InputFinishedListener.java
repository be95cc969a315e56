package com.pinbatch.job;

import java.time.Instant;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks an input finished when its partition completes, so no later run sends it again, whatever other inputs
 * that run names. A crash between this mark and Spring Batch's own update is harmless: the restart finds the
 * partition's rows all read and completes it without sending.
 */
class InputFinishedListener implements StepExecutionListener {

	private final RunInputs runInputs;

	InputFinishedListener(RunInputs runInputs) {
		this.runInputs = runInputs;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
			String runKey = stepExecution.getJobExecution().getJobParameters().getString(RunKey.PARAMETER);
			String inputKey = stepExecution.getExecutionContext().getString(InputPartitioner.INPUT_KEY);
			runInputs.markFinished(runKey, inputKey, stepExecution.getJobExecutionId(), Instant.now());
		}
		return stepExecution.getExitStatus();
	}
}
