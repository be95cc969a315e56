package com.pinbatch.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per input of the run. The partition's name is derived from the input's run key, so a restart finds
 * the same partitions and Spring Batch runs again only those that did not complete.
 */
class InputPartitioner implements Partitioner {

	/** The execution context entry that tells a partition's reader, processor and writer which input is theirs. */
	static final String INPUT_KEY = "pinbatch.inputKey";

	private final CurrentRun currentRun;

	InputPartitioner(CurrentRun currentRun) {
		this.currentRun = currentRun;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (RunPlan plan : currentRun.all()) {
			ExecutionContext context = new ExecutionContext();
			context.putString(INPUT_KEY, plan.runKey());
			partitions.put(partitionName(plan.runKey()), context);
		}
		return partitions;
	}

	static String partitionName(String inputKey) {
		return "input-" + inputKey;
	}
}
