package com.pinbatch.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.pinbatch.text.Durations;
import com.pinbatch.text.Formats;
import com.pinbatch.text.SafeText;
import com.pinbatch.throttle.ThrottleListener;
import com.pinbatch.zernio.RateLimitInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what the sender waits for when a wait is long enough for someone to wonder (a drained request window, a
 * back-off before a resend), at most once every few seconds so a burst of 429s is one line, not fifty; and at
 * DEBUG, every send with its request id. Never sees the API key: only account ids and request ids pass through.
 */
final class ThrottleReporter implements ThrottleListener {

	private static final Logger LOG = LoggerFactory.getLogger("com.pinbatch.throttle");

	static final Duration WORTH_SAYING = Duration.ofSeconds(2);

	static final Duration QUIET_PERIOD = Duration.ofSeconds(5);

	private final Clock clock;

	private Instant lastSaid;

	ThrottleReporter(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onWait(String what, Duration howLong) {
		if (howLong.compareTo(WORTH_SAYING) < 0 || !mayTalk()) {
			LOG.debug("waiting {} ms: {}", howLong.toMillis(), SafeText.line(what));
			return;
		}
		LOG.info("waiting {}: {}", Durations.describe(howLong), SafeText.line(what));
	}

	@Override
	public void onAttempt(String accountId, String requestId, int attempt) {
		LOG.debug("sending x-request-id {} to account {} (attempt {})", requestId, accountId, attempt);
	}

	@Override
	public void onRateLimited(String accountId, RateLimitInfo rateLimit, boolean accountLevel) {
		LOG.debug("429 Too Many Requests{} (rate limit: {})",
				accountLevel ? " for account " + accountId + " (its caps)" : "", rateLimit);
	}

	@Override
	public void onPaceChanged(double requestsPerMinute) {
		LOG.debug("pace now {} requests/min", Formats.plain("%.0f", requestsPerMinute));
	}

	private synchronized boolean mayTalk() {
		Instant now = clock.instant();
		if (lastSaid != null && Duration.between(lastSaid, now).compareTo(QUIET_PERIOD) < 0) {
			return false;
		}
		lastSaid = now;
		return true;
	}
}
