package com.pinbatch.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The capacity plans of the inputs under way in this process (several inputs of one command, two sends of the
 * console), so that each input's plan counts the pins the others will send against the accounts' caps, as the sender
 * does. Before, each input planned alone: two files of 3 pins each were "within caps" for an account with room for
 * 4, and the second file's rows then failed at their send. Plans are made one at a time, each seeing those before it.
 */
@Component
public class PlansUnderWay {

	/** When the pins each run's plan lets go publish, by run key, then account as printed. */
	private final Map<String, Map<String, List<Instant>>> counted = new HashMap<>();

	/**
	 * Plans one input with the pins of the others under way taken, and keeps what its own plan lets go.
	 *
	 * @param planning makes the plan from the publish times taken on each account
	 */
	synchronized PlanningPass.Outcome plan(String runKey, EarlierPins earlier,
			Function<Map<String, List<Instant>>, PlanningPass.Outcome> planning) {
		// the runs under way count from their plans, which hold every pin they send: their stored pins would count twice
		Map<String, List<Instant>> taken = earlier.publishTimes(counted.keySet());
		counted.forEach((run, byAccount) -> {
			if (!run.equals(runKey)) {
				byAccount.forEach((account, at) -> taken.computeIfAbsent(account, name -> new ArrayList<>()).addAll(at));
			}
		});
		PlanningPass.Outcome outcome = planning.apply(taken);
		counted.put(runKey, outcome.counted());
		return outcome;
	}

	/** Once a launch has ended: its runs' pins are in the job repository, or were never sent. */
	public synchronized void forget(Collection<String> runKeys) {
		runKeys.forEach(counted::remove);
	}
}
