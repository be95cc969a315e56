package com.pinbatch.job;

import java.time.Duration;
import java.time.LocalTime;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The job's own settings ({@code pinbatch.*}, documented in config/application.yml).
 *
 * @param chunkSize        rows per committed chunk: a crash re-reads at most this many rows
 * @param concurrency      pins sent at the same time, at the most (threads made as sends need them)
 * @param progressInterval how often a progress line is printed
 * @param reconcileAfter   a row sent by a run that died before storing the answer is looked up on Zernio (by the
 *                         metadata pinbatch sends) before it is sent again, once the send is older than this; and a
 *                         row whose answer was lost is not sent again under its id after this (throttle/ReplayWindow)
 * @param defaultTimeOfDay the time of day given to a publish date written without one
 * @param postingHours     the local hours --spread puts pins into, e.g. 08:00-20:00
 * @param parallelInputs   input files of one run processed side by side (they share the pace and the senders)
 * @param inputSettle      a command line's input written less than this ago is read once it has been left alone
 *                         this long (a copy may still be writing it); zero: read at once
 */
@ConfigurationProperties("pinbatch")
@Validated
public record PinbatchProperties(@DefaultValue("2000") @Min(1) int chunkSize,
		@DefaultValue("200") @Min(1) int concurrency,
		@DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration progressInterval,
		@DefaultValue("4m") @NotNull @DurationMin(millis = 0) Duration reconcileAfter,
		@DefaultValue("09:00") @NotNull LocalTime defaultTimeOfDay,
		@DefaultValue("08:00-20:00") @NotNull String postingHours, @DefaultValue("4") @Min(1) int parallelInputs,
		@DefaultValue("5s") @NotNull @DurationMin(millis = 0) Duration inputSettle) {
}
