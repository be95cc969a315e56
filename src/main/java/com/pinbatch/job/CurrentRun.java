package com.pinbatch.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the plans of the run being launched (one per input) to the partitioner and to each partition's reader,
 * processor and writer. The plans hold live objects (the HTTP client, the API key) that must never be stored as job
 * parameters or execution context in the database, so partitions carry only the input's key.
 */
public class CurrentRun {

	private final AtomicReference<Map<String, RunPlan>> plans = new AtomicReference<>();

	private final AtomicReference<ApiSession> api = new AtomicReference<>();

	/** The Zernio session of the run being launched (null for a dry run without a key): the follow-up step uses it. */
	public void useApi(ApiSession session) {
		api.set(session);
	}

	public ApiSession api() {
		return api.get();
	}

	/** The inputs this run processes, in the order given. */
	public void set(List<RunPlan> runPlans) {
		Map<String, RunPlan> byKey = new LinkedHashMap<>();
		runPlans.forEach(plan -> byKey.put(plan.runKey(), plan));
		plans.set(byKey);
	}

	public List<RunPlan> all() {
		return List.copyOf(current().values());
	}

	/** The plan of one input, by its run key. */
	public RunPlan get(String inputKey) {
		RunPlan plan = current().get(inputKey);
		if (plan == null) {
			throw new IllegalStateException("no plan for input " + inputKey + " in this run");
		}
		return plan;
	}

	public void clear() {
		plans.set(null);
		api.set(null);
	}

	private Map<String, RunPlan> current() {
		Map<String, RunPlan> current = plans.get();
		if (current == null) {
			throw new IllegalStateException("no run plan: the job is launched by PinbatchCommand only");
		}
		return current;
	}
}
