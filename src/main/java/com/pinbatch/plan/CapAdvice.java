package com.pinbatch.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What a row refused at its account's cap says, the same whether the sender refused it or a dry run foresaw it:
 * the account by its username, when it really frees up, and how to get the pin out ({@code --spread}).
 */
public final class CapAdvice {

	public static final String ERROR_CODE = "account_cap_reached";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private CapAdvice() {
	}

	/**
	 * A pin to publish now.
	 *
	 * @param why     completes "account NAME ...", e.g. "reached its 25 pins per day cap"
	 * @param freesAt when the account can take a pin again, or null when nobody said
	 */
	public static String immediate(String account, String why, Instant freesAt) {
		String when = freesAt == null ? "; Zernio did not say when it frees up: run again later"
				: "; it frees up at " + minuteUp(freesAt) + ": run again after that";
		return "account " + account + " " + why + when + " with --retry-failed=<this result file>, or run with"
				+ " --spread to let pinbatch schedule the account's pins in free slots";
	}

	/** A pin scheduled for a slot the cap has full; {@code why} completes "account NAME ...". */
	public static String scheduled(String account, String why) {
		return "account " + account + " " + why + "; give the row another publish time, or run with --spread to let"
				+ " pinbatch schedule it in a free slot";
	}

	/**
	 * Why a pin scheduled for {@code publishAt} is refused, completing "account NAME ...".
	 *
	 * @param whoseCap the cap that is full, e.g. "its 25 pins per hour cap" or "Zernio's daily posting cap"
	 */
	public static String noFreeSlot(Instant publishAt, String whoseCap) {
		return "has no free slot at " + publishAt + ": " + whoseCap + " is full around that time";
	}

	/** Rounded up, so "frees up at" is never earlier than the truth. */
	public static String minuteUp(Instant instant) {
		Instant down = instant.truncatedTo(ChronoUnit.MINUTES);
		return MINUTE.format(down.equals(instant) ? down : down.plus(1, ChronoUnit.MINUTES));
	}
}
