package com.pinbatch.zernio;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads Zernio's rate-limit headers; a missing or malformed header becomes null rather than an error. */
final class RateLimitHeaders {

	/** Epoch values above this are milliseconds, not seconds (year 5138 in seconds). */
	private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

	private RateLimitHeaders() {
	}

	/**
	 * @param now the time the answer arrived, to turn an HTTP-date Retry-After into a duration
	 */
	static RateLimitInfo parse(HttpHeaders headers, Instant now) {
		Integer limit = integer(headers.firstValue("X-RateLimit-Limit"));
		Integer remaining = integer(headers.firstValue("X-RateLimit-Remaining"));
		Instant reset = epoch(headers.firstValue("X-RateLimit-Reset"));
		Duration retryAfter = retryAfter(headers.firstValue("Retry-After"), now);
		if (limit == null && remaining == null && reset == null && retryAfter == null) {
			return RateLimitInfo.NONE;
		}
		return new RateLimitInfo(limit, remaining, reset, retryAfter);
	}

	private static Integer integer(Optional<String> value) {
		Long number = number(value);
		if (number == null || number < 0 || number > Integer.MAX_VALUE) {
			return null;
		}
		return number.intValue();
	}

	private static Instant epoch(Optional<String> value) {
		Long number = number(value);
		if (number == null || number <= 0) {
			return null;
		}
		return number > EPOCH_MILLIS_THRESHOLD ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
	}

	/** RFC 9110 allows either delay-seconds or an HTTP-date; proxies in front of Zernio may send the latter. */
	private static Duration retryAfter(Optional<String> value, Instant now) {
		if (value.isEmpty()) {
			return null;
		}
		Long seconds = number(value);
		if (seconds != null) {
			return seconds < 0 ? null : Duration.ofSeconds(seconds);
		}
		try {
			Instant at = ZonedDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(now, at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private static Long number(Optional<String> value) {
		if (value.isEmpty()) {
			return null;
		}
		String text = value.get().trim();
		try {
			// some gateways send "30.0"; whole seconds are precise enough for pacing
			return text.contains(".") ? (long) Double.parseDouble(text) : Long.parseLong(text);
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}
}
