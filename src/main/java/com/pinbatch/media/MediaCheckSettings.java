package com.pinbatch.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code --check-media} probes media URLs.
 *
 * @param connectTimeout           TCP/TLS connect limit per request
 * @param requestTimeout           limit for one answer's headers
 * @param parallelism              URLs probed at once
 * @param requestsPerSecondPerHost politeness towards each media host (a CDN serving hundreds of a run's images
 *                                 should not see a burst)
 * @param allowPrivateAddresses    also ask loopback, private, link-local and other non-public addresses (media
 *                                 served inside a company network); off by default, see
 *                                 {@link com.pinbatch.net.PublicAddresses}
 */
public record MediaCheckSettings(Duration connectTimeout, Duration requestTimeout, int parallelism,
		double requestsPerSecondPerHost, boolean allowPrivateAddresses) {

	public MediaCheckSettings {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(requestTimeout, "requestTimeout");
		if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
				|| requestTimeout.isZero()) {
			throw new IllegalArgumentException("media check timeouts must be positive");
		}
		if (parallelism < 1) {
			throw new IllegalArgumentException("media check parallelism must be at least 1, was " + parallelism);
		}
		if (!(requestsPerSecondPerHost > 0)) {
			throw new IllegalArgumentException(
					"media check requests per second must be positive, was " + requestsPerSecondPerHost);
		}
	}

	public static MediaCheckSettings defaults() {
		return new MediaCheckSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 4, 10, false);
	}

	public MediaCheckSettings withPrivateAddresses(boolean allowed) {
		return new MediaCheckSettings(connectTimeout, requestTimeout, parallelism, requestsPerSecondPerHost, allowed);
	}
}
