package com.pinbatch.job;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the plan of the run being launched to the step's reader, processor and writer. The plan holds live objects
 * (the HTTP client, the API key) that must never be stored as job parameters in the database.
 */
public class CurrentRun {

	private final AtomicReference<RunPlan> plan = new AtomicReference<>();

	public void set(RunPlan runPlan) {
		plan.set(runPlan);
	}

	public RunPlan get() {
		RunPlan current = plan.get();
		if (current == null) {
			throw new IllegalStateException("no run plan: the job is launched by PinbatchCommand only");
		}
		return current;
	}

	public void clear() {
		plan.set(null);
	}
}
