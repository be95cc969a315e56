package com.pinbatch.pin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What validation needs to know beyond the row itself.
 *
 * @param zone             zone for publish times written without an offset, for rows without a timezone cell
 *                         (--timezone; default UTC)
 * @param clock            "now", for rejecting publish times in the past
 * @param defaultAccount   account id or username for rows that name none (--account), or null
 * @param defaultBoard     board id or name for rows that name none (--board), or null
 * @param mediaBaseDir     the input file's folder: relative local media paths start there (null = working
 *                         directory)
 * @param defaultTimeOfDay time used for a publish date written without a time (default 09:00)
 * @param dateOrder        day/month order of the file's year-last dates (03/04/2027), as a
 *                         {@link DateOrderDetector} decided it over the whole column (default AMBIGUOUS: a date
 *                         that reads both ways is rejected)
 * @param mediaRoot        the folder local media must be in (--media-root); null: {@code mediaBaseDir}
 * @param dateFormat       the user's --date-format (a java.time pattern such as dd/MM/yyyy), or null; when set it
 *                         replaces the year-last forms (but the dotted ones, day first) and {@code dateOrder} is not
 *                         used
 */
public record ValidationSettings(ZoneId zone, Clock clock, String defaultAccount, String defaultBoard,
		Path mediaBaseDir, LocalTime defaultTimeOfDay, DateOrder dateOrder, String dateFormat, Path mediaRoot) {

	public static final LocalTime DEFAULT_TIME_OF_DAY = LocalTime.of(9, 0);

	/** @throws IllegalArgumentException if {@code dateFormat} is not a valid pattern; the message is for the user */
	public ValidationSettings {
		zone = zone == null ? ZoneOffset.UTC : zone;
		clock = clock == null ? Clock.systemUTC() : clock;
		defaultAccount = blankToNull(defaultAccount);
		defaultBoard = blankToNull(defaultBoard);
		defaultTimeOfDay = defaultTimeOfDay == null ? DEFAULT_TIME_OF_DAY : defaultTimeOfDay;
		dateOrder = dateOrder == null ? DateOrder.AMBIGUOUS : dateOrder;
		dateFormat = blankToNull(dateFormat);
		if (dateFormat != null) {
			PublishTimeParser.compile(dateFormat); // fail here, once, rather than on every row
		}
	}

	/** Settings without a decided date order or a --date-format. */
	public ValidationSettings(ZoneId zone, Clock clock, String defaultAccount, String defaultBoard, Path mediaBaseDir,
			LocalTime defaultTimeOfDay) {
		this(zone, clock, defaultAccount, defaultBoard, mediaBaseDir, defaultTimeOfDay, null, null, null);
	}

	/** The folder local media files must be in: --media-root, else the input file's folder. */
	public Path allowedMediaFolder() {
		return mediaRoot != null ? mediaRoot : mediaBaseDir;
	}

	/** These settings with --media-root. */
	public ValidationSettings withMediaRoot(Path root) {
		return new ValidationSettings(zone, clock, defaultAccount, defaultBoard, mediaBaseDir, defaultTimeOfDay,
				dateOrder, dateFormat, root);
	}

	/** These settings with the order a pre-scan of the file decided. */
	public ValidationSettings withDateOrder(DateOrder order) {
		return new ValidationSettings(zone, clock, defaultAccount, defaultBoard, mediaBaseDir, defaultTimeOfDay, order,
				dateFormat, mediaRoot);
	}

	/**
	 * These settings with the user's --date-format.
	 *
	 * @throws IllegalArgumentException if the pattern is not valid; the message is for the user
	 */
	public ValidationSettings withDateFormat(String pattern) {
		return new ValidationSettings(zone, clock, defaultAccount, defaultBoard, mediaBaseDir, defaultTimeOfDay,
				dateOrder, pattern, mediaRoot);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
