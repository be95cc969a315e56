package com.pinbatch.cli;

import java.time.Duration;

import com.pinbatch.throttle.ThrottleSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pacing, retry and circuit-breaker settings ({@code pinbatch.throttle.*}, documented in config/application.yml).
 *
 * @param requestsPerMinute optional cap below the ceiling Zernio announces (null: follow X-RateLimit-Limit)
 */
@ConfigurationProperties("pinbatch.throttle")
public record ThrottleProperties(Integer requestsPerMinute, @DefaultValue("60") int initialRequestsPerMinute,
		@DefaultValue("0.995") double headroom, @DefaultValue("25") int accountHourlyCap,
		@DefaultValue("25") int accountDailyCap, @DefaultValue("6") int maxAttempts,
		@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("60s") Duration maxBackoff,
		@DefaultValue("5m") Duration maxRetryAfter, @DefaultValue("8") int breakerFailureThreshold) {

	ThrottleSettings settings() {
		return new ThrottleSettings(requestsPerMinute, initialRequestsPerMinute, headroom, accountHourlyCap,
				accountDailyCap, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, breakerFailureThreshold);
	}
}
