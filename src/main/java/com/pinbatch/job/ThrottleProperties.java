package com.pinbatch.job;

import java.time.Duration;

import com.pinbatch.throttle.ThrottleSettings;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Pacing, retry and circuit-breaker settings ({@code pinbatch.throttle.*}, documented in config/application.yml).
 *
 * @param requestsPerMinute optional cap below the ceiling Zernio announces (null: follow X-RateLimit-Limit)
 */
@ConfigurationProperties("pinbatch.throttle")
@Validated
public record ThrottleProperties(@Min(1) Integer requestsPerMinute,
		@DefaultValue("60") @Min(1) int initialRequestsPerMinute,
		@DefaultValue("0.995") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double headroom,
		@DefaultValue("25") @Min(1) int accountHourlyCap, @DefaultValue("25") @Min(1) int accountDailyCap,
		@DefaultValue("6") @Min(1) int maxAttempts,
		@DefaultValue("500ms") @NotNull @DurationMin(millis = 0) Duration initialBackoff,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 0) Duration maxBackoff,
		@DefaultValue("5m") @NotNull @DurationMin(millis = 0) Duration maxRetryAfter,
		@DefaultValue("8") @Min(1) int breakerFailureThreshold) {

	public ThrottleSettings settings() {
		return new ThrottleSettings(requestsPerMinute, initialRequestsPerMinute, headroom, accountHourlyCap,
				accountDailyCap, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, breakerFailureThreshold);
	}
}
