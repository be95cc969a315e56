package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.Duration;

import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the built-in Zernio simulator behaves under {@code --sandbox} ({@code pinbatch.sandbox.*}): its API ceiling,
 * the per-account caps, latency and injected errors, and where it keeps its posts so a restarted run sees them.
 */
@ConfigurationProperties("pinbatch.sandbox")
public record SandboxProperties(@DefaultValue("600") int requestsPerMinute, @DefaultValue("25") int accountHourlyCap,
		@DefaultValue("25") int accountDailyCap, @DefaultValue("100ms") Duration latency,
		@DefaultValue("50ms") Duration latencyJitter, @DefaultValue("0") double serverErrorRate, Path stateFile) {

	SandboxSettings settings() {
		return new SandboxSettings(0, ZernioSandbox.API_KEY, requestsPerMinute, accountHourlyCap, accountDailyCap,
				latency, latencyJitter, serverErrorRate, 42, stateFile);
	}
}
