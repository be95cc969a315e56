package com.pinbatch.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The instants spread pins may be given: each day, evenly spaced slots from the opening of the posting hours, as
 * many as the daily cap and spaced so that a rolling hour never holds more than the hourly cap. Spacing is whole
 * seconds, rounded up, so the times stay readable and never crowd an hour.
 */
final class SlotGrid {

	private static final Duration HOUR = Duration.ofHours(1);

	private final PostingCaps caps;
	private final PostingHours hours;
	private final ZoneId zone;

	SlotGrid(SpreadSettings settings, ZoneId zone) {
		this.caps = settings.caps();
		this.hours = settings.hours();
		this.zone = zone;
	}

	/** The first slot at or after {@code notBefore}. */
	Instant firstSlotFrom(Instant notBefore) {
		LocalDate day = notBefore.atZone(zone).toLocalDate();
		while (true) {
			Instant slot = firstSlotOn(day, notBefore);
			if (slot != null) {
				return slot;
			}
			day = day.plusDays(1);
		}
	}

	private Instant firstSlotOn(LocalDate day, Instant notBefore) {
		ZonedDateTime opens = hours.opensOn(day, zone);
		Instant open = opens.toInstant();
		Instant close = hours.closesOn(day, zone).toInstant();
		if (!open.isBefore(close)) {
			return null; // a DST change can swallow a very short window
		}
		long spacing = spacingSeconds(Duration.between(open, close));
		long index = 0;
		if (notBefore.isAfter(open)) {
			index = ceilDiv(Duration.between(open, notBefore).toNanos(), spacing * 1_000_000_000L);
		}
		if (index >= caps.perDay()) {
			return null;
		}
		Instant slot = open.plusSeconds(index * spacing);
		return slot.isBefore(close) ? slot : null;
	}

	private long spacingSeconds(Duration window) {
		long evenOverTheDay = ceilDiv(window.toNanos(), caps.perDay() * 1_000_000_000L);
		long withinTheHourlyCap = ceilDiv(HOUR.toNanos(), caps.perHour() * 1_000_000_000L);
		return Math.max(1, Math.max(evenOverTheDay, withinTheHourlyCap));
	}

	private static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}
}
