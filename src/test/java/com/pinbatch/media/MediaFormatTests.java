package com.pinbatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediaFormatTests {

	static Stream<Arguments> supportedContent() {
		return Stream.of(Arguments.of(MediaSamples.JPEG, MediaFormat.JPEG),
				Arguments.of(MediaSamples.PNG, MediaFormat.PNG),
				Arguments.of(MediaSamples.GIF, MediaFormat.GIF),
				Arguments.of(MediaSamples.WEBP, MediaFormat.WEBP),
				Arguments.of(MediaSamples.MP4, MediaFormat.MP4),
				Arguments.of(MediaSamples.MOV, MediaFormat.MOV));
	}

	@ParameterizedTest
	@MethodSource("supportedContent")
	void recognisesTheFormatsPinterestTakesByTheirFirstBytes(byte[] head, MediaFormat expected) {
		assertThat(MediaFormat.detect(head)).contains(expected);
	}

	static Stream<Arguments> otherContent() {
		return Stream.of(Arguments.of(MediaSamples.BMP, "a BMP image"),
				Arguments.of(MediaSamples.HEIC, "a HEIC/AVIF image or an audio file"),
				Arguments.of(ascii("%PDF-1.7"), "a PDF document"),
				Arguments.of(ascii("  <!DOCTYPE html>"), "an HTML page"),
				Arguments.of(ascii("RIFF\0\0\0\0WAVEfmt "), "not a JPEG, PNG, WebP, GIF, MP4 or MOV file"),
				Arguments.of(new byte[] { (byte) 0xFF, (byte) 0xD8 }, "not a JPEG, PNG, WebP, GIF, MP4 or MOV file"),
				Arguments.of(new byte[0], "an empty file"));
	}

	@ParameterizedTest
	@MethodSource("otherContent")
	void namesWhatOtherContentAppearsToBe(byte[] head, String description) {
		assertThat(MediaFormat.detect(head)).isEmpty();
		assertThat(MediaFormat.describeOther(head)).isEqualTo(description);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}
}
