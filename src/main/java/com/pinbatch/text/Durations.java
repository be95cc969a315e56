package com.pinbatch.text;

import java.time.Duration;

/** Durations as people read them: "45 s", "3 min 20 s", "2 h 5 min". */
public final class Durations {

	private Durations() {
	}

	public static String describe(Duration duration) {
		long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
		}
		long minutes = seconds / 60;
		return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
	}
}
