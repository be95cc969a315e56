package com.pinbatch.pin;

/**
 * One thing wrong with a row.
 *
 * @param code    stable snake_case code, e.g. {@code title_too_long}
 * @param column  the header of the offending column as the user's file names it (or the canonical name if
 *                the file has no such column)
 * @param message a sentence naming the column and saying how to fix it
 */
public record ValidationProblem(String code, String column, String message) {
}
