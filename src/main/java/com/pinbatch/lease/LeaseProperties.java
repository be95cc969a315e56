package com.pinbatch.lease;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The run lease's settings ({@code pinbatch.lease.*}).
 *
 * @param ttl a run whose holder stopped refreshing its lease for this long is taken over; refreshed every third of it
 */
@ConfigurationProperties("pinbatch.lease")
@Validated
public record LeaseProperties(@DefaultValue("30s") @NotNull @DurationMin(seconds = 3) Duration ttl) {
}
