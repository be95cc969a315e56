package com.pinbatch.plan;

import java.time.LocalDate;
import java.util.SortedMap;

/**
 * One account's pins as the capacity plan counted them.
 *
 * @param account    the account as the rows name it
 * @param pins       all its sendable pins
 * @param undated    those without a date, which count on the run's day
 * @param pinsPerDay pins per calendar day in the run's zone
 * @param daysAtCap  days the pins need at the daily cap (at least 1)
 * @param withinCaps no day, clock hour or "now" batch is over a cap
 */
public record AccountLoad(String account, long pins, long undated, SortedMap<LocalDate, Long> pinsPerDay,
		long daysAtCap, boolean withinCaps) {
}
