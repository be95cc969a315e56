package com.pinbatch.follow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a run follows its pins through Pinterest's publishing ({@code pinbatch.follow.*}).
 *
 * @param maxWait      how long after the sends the run waits for outcomes; rows still unknown then stay CREATED
 * @param pollInterval the first wait before asking Zernio; each later wait is twice the one before (at most 30 s)
 * @param maxRetries   how often a transient publish failure is retried on the same post before the row is FAILED
 */
@ConfigurationProperties("pinbatch.follow")
public record FollowProperties(@DefaultValue("2m") Duration maxWait, @DefaultValue("3s") Duration pollInterval,
		@DefaultValue("2") int maxRetries) {
}
