package com.pinbatch.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Before each chunk is sent (or a dry run's is written), checks that the input is still the file the run was planned
 * from: the chunk's rows were read before this check, so if the file is unchanged now, they are rows of the content
 * that names the run. A file saved again stops the step, with nothing of the chunk sent.
 */
class InputUnchangedCheck implements ItemWriteListener<PreparedRow> {

	private final JobExecution job;

	InputUnchangedCheck(JobExecution job) {
		this.job = job;
	}

	@Override
	public void beforeWrite(Chunk<? extends PreparedRow> items) {
		InputAsPlanned.requireUnchanged(job);
	}
}
