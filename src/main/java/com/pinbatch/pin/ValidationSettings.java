package com.pinbatch.pin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What validation needs to know beyond the row itself.
 *
 * @param zone             zone for publish times written without an offset (--timezone; default UTC)
 * @param clock            "now", for rejecting publish times in the past
 * @param defaultAccount   account id or username for rows that name none (--account), or null
 * @param defaultBoard     board id or name for rows that name none (--board), or null
 * @param mediaBaseDir     the input file's folder: relative local media paths start there (null = working
 *                         directory)
 * @param defaultTimeOfDay time used for a publish date written without a time (default 09:00)
 */
public record ValidationSettings(ZoneId zone, Clock clock, String defaultAccount, String defaultBoard,
		Path mediaBaseDir, LocalTime defaultTimeOfDay) {

	public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(9, 0);

	public ValidationSettings {
		zone = zone == null ? ZoneOffset.UTC : zone;
		clock = clock == null ? Clock.systemUTC() : clock;
		defaultAccount = blankToNull(defaultAccount);
		defaultBoard = blankToNull(defaultBoard);
		defaultTimeOfDay = defaultTimeOfDay == null ? DEFAULT_TIME_OF_DAY : defaultTimeOfDay;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
