package com.pinbatch.run;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where and how to reach Zernio ({@code zernio.*}). The key is normally taken from the environment variable
 * ZERNIO_API_KEY; {@code zernio.api-key} in a config file is the alternative. Never printed.
 *
 * @param proxy   the HTTP proxy to Zernio ({@code http://[USER:PASSWORD@]HOST:PORT}); unset, the environment's
 *                {@code https_proxy} is used, as most command-line tools do
 * @param noProxy hosts reached directly, comma-separated; unset, the environment's {@code no_proxy}
 */
@ConfigurationProperties("zernio")
@Validated
public record ZernioProperties(@DefaultValue(ZernioProperties.ZERNIO) @NotNull URI baseUrl, String apiKey,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration requestTimeout, String proxy,
		String noProxy) {

	/** Zernio's own API. */
	public static final String ZERNIO = "https://zernio.com/api";

	@Override
	public String toString() {
		return "ZernioProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "(set)")
				+ ", proxy=" + (proxy == null ? "unset" : "(set)") + "]";
	}
}
