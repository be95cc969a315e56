package com.pinbatch.pin;

/**
 * The pin's single media item.
 *
 * @param location an https URL, or a local file path (resolved against the input file's folder)
 * @param kind     image or video
 * @param local    true when {@code location} is a local file that must be uploaded first
 */
public record Media(String location, MediaKind kind, boolean local) {
}
