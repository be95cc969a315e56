package com.pinbatch.job;

/**
 * A line a step has to say about its input while it runs (a note about the file, the plan), published as an
 * application event: whoever launched the run shows it.
 */
public record RunLine(String runKey, String text) {
}
