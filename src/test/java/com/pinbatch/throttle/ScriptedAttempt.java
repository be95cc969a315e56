package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.SendResult;

/** Answers each send from a script keyed by request id and its send number (1, 2, ...), and records the sends. */
final class ScriptedAttempt implements PostAttempt {

	record Call(String requestId, Instant at) {
	}

	private final Clock clock;
	private final BiFunction<String, Integer, SendResult> script;
	private final Map<String, AtomicInteger> sendsPerId = new ConcurrentHashMap<>();
	private final List<Call> calls = new ArrayList<>();

	ScriptedAttempt(Clock clock, BiFunction<String, Integer, SendResult> script) {
		this.clock = clock;
		this.script = script;
	}

	/** The same answers for every row, the last one repeating. */
	static ScriptedAttempt answering(Clock clock, SendResult... answers) {
		return new ScriptedAttempt(clock, (requestId, n) -> answers[Math.min(n, answers.length) - 1]);
	}

	@Override
	public SendResult attempt(CreatePostRequest request, String requestId) {
		synchronized (calls) {
			calls.add(new Call(requestId, clock.instant()));
		}
		int n = sendsPerId.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
		return script.apply(requestId, n);
	}

	List<Call> calls() {
		synchronized (calls) {
			return List.copyOf(calls);
		}
	}

	int sendsOf(String requestId) {
		AtomicInteger sends = sendsPerId.get(requestId);
		return sends == null ? 0 : sends.get();
	}
}
