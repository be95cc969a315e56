package com.pinbatch.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's own settings ({@code pinbatch.*}, documented in config/application.yml).
 *
 * @param chunkSize        rows per committed chunk: a crash re-reads at most this many rows
 * @param concurrency      pins sent at the same time within a chunk
 * @param progressInterval how often a progress line is printed
 */
@ConfigurationProperties("pinbatch")
public record PinbatchProperties(@DefaultValue("50") int chunkSize, @DefaultValue("8") int concurrency,
		@DefaultValue("10s") Duration progressInterval) {
}
