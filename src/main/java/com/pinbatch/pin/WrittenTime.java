package com.pinbatch.pin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A publish_at cell as written, before a zone turns it into an instant.
 *
 * @param local  the date and time the cell shows
 * @param offset the offset the cell carries (Z, +01:00, ...), or null when the time is local to a zone
 */
record WrittenTime(LocalDateTime local, ZoneOffset offset) {
}
