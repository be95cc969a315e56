package com.pinbatch.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Zernio simulator behaves: where it listens, its limits, how slow and how flaky it is.
 *
 * @param port              loopback port; 0 picks a free one
 * @param apiKey            the only bearer token accepted
 * @param requestsPerMinute throughput ceiling of the 60 s sliding window (Zernio's 3-2,000 accounts tier is 600)
 * @param accountHourlyCap  creates per account per rolling hour (Zernio's velocity cap is 25)
 * @param accountDailyCap   creates per account per rolling 24 h (Zernio's Pinterest daily cap is 25)
 * @param latency           added before every {@code POST /v1/posts} answer, so client concurrency matters
 * @param latencyJitter     up to this much more, chosen at random
 * @param serverErrorRate   share (0..1) of otherwise valid creates answered with a 5xx and not created
 * @param randomSeed        seed of the jitter and error-injection randomness, so runs are reproducible
 * @param stateFile         where posts are remembered across restarts; null keeps them in memory only
 * @param generatedAccounts Pinterest accounts {@code bench-001...} (two boards each) added to the demo accounts, so a
 *                          benchmark can spread pins over enough accounts to stay under the per-account caps
 * @param publishFailureRate share (0..1) of posts Pinterest refuses, with the errors Zernio's Pinterest guide lists
 *                          (some transient: a retry may pass), decided by the seed and the content
 * @param publishDelay      the longest a publish takes to come to its outcome; about half the outcomes are in the
 *                          create's answer, the rest come later; zero puts them all in the answer
 */
public record SandboxSettings(int port, String apiKey, int requestsPerMinute, int accountHourlyCap,
		int accountDailyCap, Duration latency, Duration latencyJitter, double serverErrorRate, long randomSeed,
		Path stateFile, int generatedAccounts, double publishFailureRate, Duration publishDelay) {

	public SandboxSettings {
		Objects.requireNonNull(apiKey, "apiKey");
		Objects.requireNonNull(latency, "latency");
		Objects.requireNonNull(latencyJitter, "latencyJitter");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535, was " + port);
		}
		if (requestsPerMinute < 1 || accountHourlyCap < 1 || accountDailyCap < 1) {
			throw new IllegalArgumentException("limits must be at least 1");
		}
		if (latency.isNegative() || latencyJitter.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		Objects.requireNonNull(publishDelay, "publishDelay");
		if (publishDelay.isNegative()) {
			throw new IllegalArgumentException("publishDelay must not be negative");
		}
		if (publishFailureRate < 0 || publishFailureRate > 1) {
			throw new IllegalArgumentException("publishFailureRate must be within 0..1, was " + publishFailureRate);
		}
		if (serverErrorRate < 0 || serverErrorRate > 1) {
			throw new IllegalArgumentException("serverErrorRate must be within 0..1, was " + serverErrorRate);
		}
		if (generatedAccounts < 0 || generatedAccounts > SeedAccounts.MAX_GENERATED) {
			throw new IllegalArgumentException(
					"generatedAccounts must be 0.." + SeedAccounts.MAX_GENERATED + ", was " + generatedAccounts);
		}
	}

	/** Settings with the demo accounts only. */
	public SandboxSettings(int port, String apiKey, int requestsPerMinute, int accountHourlyCap, int accountDailyCap,
			Duration latency, Duration latencyJitter, double serverErrorRate, long randomSeed, Path stateFile) {
		this(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency, latencyJitter,
				serverErrorRate, randomSeed, stateFile, 0, 0.0, Duration.ZERO);
	}

	public static SandboxSettings defaults() {
		return new SandboxSettings(0, ZernioSandbox.API_KEY, 600, 25, 25, Duration.ZERO, Duration.ZERO, 0.0, 42L,
				null);
	}

	public SandboxSettings withPort(int port) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withApiKey(String apiKey) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withRequestsPerMinute(int requestsPerMinute) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withAccountCaps(int hourly, int daily) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, hourly, daily, latency, latencyJitter,
				serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withLatency(Duration latency) {
		return withLatency(latency, latencyJitter);
	}

	public SandboxSettings withLatency(Duration latency, Duration jitter) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				jitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withServerErrorRate(double serverErrorRate) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withRandomSeed(long randomSeed) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withStateFile(Path stateFile) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withGeneratedAccounts(int generatedAccounts) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts,
				publishFailureRate, publishDelay);
	}

	public SandboxSettings withPublishFailures(double failureRate) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts, failureRate, publishDelay);
	}

	public SandboxSettings withPublishDelay(Duration delay) {
		return new SandboxSettings(port, apiKey, requestsPerMinute, accountHourlyCap, accountDailyCap, latency,
				latencyJitter, serverErrorRate, randomSeed, stateFile, generatedAccounts, publishFailureRate, delay);
	}
}
