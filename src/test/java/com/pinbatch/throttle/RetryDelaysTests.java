package com.pinbatch.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;

class RetryDelaysTests {

	private final FakeTime time = new FakeTime();
	private final RetryDelays delays = new RetryDelays(new ThrottleSettings(null, 60, 0.98, 25, 25, 6,
			Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(30), 8), time);

	@Test
	void backsOffExponentiallyWithJitterUpToTheMaximum() {
		assertThat(delays.after(1, Answers.serviceUnavailable())).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
		assertThat(delays.after(3, Answers.serviceUnavailable())).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
		assertThat(delays.after(20, Answers.serviceUnavailable())).isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void waitsAtLeastWhatTheServerAsks() {
		assertThat(delays.after(1, Answers.tooManyRequests(0, Duration.ofSeconds(7), null))).isEqualTo(Duration.ofSeconds(7));
		assertThat(delays.after(1, Answers.tooManyRequests(0, null, FakeTime.START.plusSeconds(4))))
			.isEqualTo(Duration.ofSeconds(4));
		assertThat(delays.after(1, Answers.tooManyRequests(0, Duration.ofMinutes(9), null))).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void ignoresTheWindowResetAfterAServerError() {
		SendResult serverError = new SendResult.ServerError(502, "Bad Gateway",
				new RateLimitInfo(600, 10, FakeTime.START.plusSeconds(25), null));

		assertThat(delays.after(1, serverError)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void settingsRejectNonsense() {
		assertThatThrownBy(() -> new ThrottleSettings(0, 60, 0.98, 25, 25, 6, Duration.ofMillis(500),
				Duration.ofSeconds(10), Duration.ofSeconds(30), 8)).hasMessageContaining("configured requests per minute");
		assertThatThrownBy(() -> new ThrottleSettings(null, 60, 1.5, 25, 25, 6, Duration.ofMillis(500),
				Duration.ofSeconds(10), Duration.ofSeconds(30), 8)).hasMessageContaining("headroom");
	}
}
