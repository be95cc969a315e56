package com.pinbatch.pin;

/**
 * How a publish_at column orders day and month in dates written with the year last (03/04/2027, 03.04.2027).
 * Decided once per file by {@link DateOrderDetector}, because one row alone cannot tell 3 April from 4 March.
 */
public enum DateOrder {

	/** 13/02/2027: day, then month. */
	DAY_FIRST,

	/** 02/13/2027: month, then day. */
	MONTH_FIRST,

	/** Nothing in the column settles it: a date that reads both ways is rejected. */
	AMBIGUOUS
}
