package com.pinbatch.plan;

import java.util.Objects;

/**
 * How {@code --spread} schedules pins that would pass an account's caps.
 *
 * @param caps  the per-account caps never to exceed
 * @param hours the local hours new slots are placed in (rows that keep their own date may lie outside them)
 */
public record SpreadSettings(PostingCaps caps, PostingHours hours) {

	public SpreadSettings {
		Objects.requireNonNull(caps, "caps");
		Objects.requireNonNull(hours, "hours");
	}

	public static SpreadSettings defaults() {
		return new SpreadSettings(PostingCaps.zernioDefaults(), PostingHours.defaults());
	}
}
