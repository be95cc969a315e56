package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.Duration;

import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the built-in Zernio simulator behaves under {@code --sandbox} ({@code pinbatch.sandbox.*}): its API ceiling,
 * the per-account caps, latency and injected errors, how Pinterest treats the posts (share refused, how long a
 * publish takes), the seed that makes all of it repeatable, and where it keeps its posts so a restarted run sees
 * them. Publish failures are off by default, so the quick start ends with every row done.
 */
@ConfigurationProperties("pinbatch.sandbox")
public record SandboxProperties(@DefaultValue("600") int requestsPerMinute, @DefaultValue("25") int accountHourlyCap,
		@DefaultValue("25") int accountDailyCap, @DefaultValue("100ms") Duration latency,
		@DefaultValue("50ms") Duration latencyJitter, @DefaultValue("0") double serverErrorRate, Path stateFile,
		@DefaultValue("0") double publishFailureRate, @DefaultValue("3s") Duration publishDelay,
		@DefaultValue("42") long seed) {

	SandboxSettings settings() {
		return new SandboxSettings(0, ZernioSandbox.API_KEY, requestsPerMinute, accountHourlyCap, accountDailyCap,
				latency, latencyJitter, serverErrorRate, seed, stateFile, 0, publishFailureRate, publishDelay);
	}
}
