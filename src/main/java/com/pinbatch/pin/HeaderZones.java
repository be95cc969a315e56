package com.pinbatch.pin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone a calendar names in a header's note ("Time (EST)", "Date [Europe/Berlin]") or after a time ("2:15 PM
 * EST"): a region id, or the abbreviation a team writes, taken as the zone most people mean by it. Only for advice
 * (which --timezone to give): times are read in the run's zone or the row's timezone column, whatever a header says.
 */
final class HeaderZones {

	/** Abbreviations as written in calendars, each with the zone most people mean by it. */
	private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("ET", "America/New_York"),
			Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
			Map.entry("CT", "America/Chicago"), Map.entry("CST", "America/Chicago"),
			Map.entry("CDT", "America/Chicago"), Map.entry("MT", "America/Denver"), Map.entry("MST", "America/Denver"),
			Map.entry("MDT", "America/Denver"), Map.entry("PT", "America/Los_Angeles"),
			Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
			Map.entry("GMT", "Europe/London"), Map.entry("BST", "Europe/London"), Map.entry("UK", "Europe/London"),
			Map.entry("CET", "Europe/Paris"), Map.entry("CEST", "Europe/Paris"), Map.entry("MEZ", "Europe/Berlin"),
			Map.entry("MESZ", "Europe/Berlin"), Map.entry("WET", "Europe/Lisbon"),
			Map.entry("WEST", "Europe/Lisbon"), Map.entry("EET", "Europe/Athens"),
			Map.entry("EEST", "Europe/Athens"), Map.entry("IST", "Asia/Kolkata"), Map.entry("JST", "Asia/Tokyo"),
			Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"), Map.entry("UTC", "UTC"));

	private HeaderZones() {
	}

	static Optional<ZoneId> named(String note) {
		String abbreviation = ABBREVIATIONS.get(note.toUpperCase(Locale.ROOT));
		if (abbreviation != null) {
			return Optional.of(ZoneId.of(abbreviation));
		}
		if (note.indexOf('/') < 0) {
			return Optional.empty(); // "24h", "yyyy-mm-dd": no zone
		}
		try {
			return Optional.of(ZoneId.of(note));
		}
		catch (DateTimeException notAZone) {
			return Optional.empty();
		}
	}
}
