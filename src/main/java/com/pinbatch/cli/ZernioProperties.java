package com.pinbatch.cli;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to reach Zernio ({@code zernio.*}). The key is normally taken from the environment variable
 * ZERNIO_API_KEY; {@code zernio.api-key} in a config file is the alternative. Never printed.
 */
@ConfigurationProperties("zernio")
public record ZernioProperties(@DefaultValue("https://zernio.com/api") URI baseUrl, String apiKey,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration requestTimeout) {

	@Override
	public String toString() {
		return "ZernioProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "(set)") + "]";
	}
}
