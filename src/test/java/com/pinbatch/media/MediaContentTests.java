package com.pinbatch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.pinbatch.pin.MediaKind;

/** A local file must be, all through, the image or video its first bytes claim; real files pass. */
class MediaContentTests {

	private static final byte[] TEXT = "Q3 salaries: Alice 98,000; Bob 87,000\n".repeat(40)
		.getBytes(StandardCharsets.UTF_8);

	/** Length of {@link RealMedia}'s ftyp box, the first of its movies. */
	private static final int FTYP = 20;

	@TempDir
	Path dir;

	static Stream<Arguments> realFiles() {
		return Stream.of(Arguments.of("a.jpg", RealMedia.jpeg("a"), MediaKind.IMAGE),
				Arguments.of("a.png", RealMedia.png("a"), MediaKind.IMAGE),
				Arguments.of("a.gif", RealMedia.gif("a"), MediaKind.IMAGE),
				Arguments.of("a.webp", RealMedia.webp("a"), MediaKind.IMAGE),
				Arguments.of("a.mp4", RealMedia.mp4("a"), MediaKind.VIDEO),
				Arguments.of("a.mov", RealMedia.mov("a"), MediaKind.VIDEO));
	}

	@ParameterizedTest
	@MethodSource("realFiles")
	void realFilesPass(String name, byte[] content, MediaKind kind) throws IOException {
		Path file = RealMedia.write(dir, name, content);

		assertThat(LocalMediaInspector.inspect(file, kind, dir).size()).isEqualTo(content.length);
	}

	static Stream<Arguments> damagedFiles() {
		byte[] jpeg = RealMedia.jpeg("shelf");
		byte[] png = RealMedia.png("shelf");
		byte[] gif = RealMedia.gif("shelf");
		byte[] webp = RealMedia.webp("shelf");
		byte[] mp4 = RealMedia.mp4("tour");
		return Stream.of(
				Arguments.of("disguised.jpg", RealMedia.concat(Arrays.copyOf(jpeg, 20), TEXT), "JPEG image"),
				Arguments.of("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), "JPEG image"),
				// cut inside the image data, as an interrupted copy leaves it
				Arguments.of("end-cut.jpg", Arrays.copyOf(jpeg, jpeg.length - 12), "JPEG image"),
				Arguments.of("disguised.png", RealMedia.concat(Arrays.copyOf(png, 33), TEXT), "PNG image"),
				Arguments.of("cut.png", Arrays.copyOf(png, png.length - 30), "PNG image"),
				Arguments.of("disguised.gif", RealMedia.concat(Arrays.copyOf(gif, 13), TEXT), "GIF image"),
				Arguments.of("disguised.webp", RealMedia.concat(Arrays.copyOf(webp, 16), TEXT), "WebP image"),
				// the RIFF size says more than the file holds: cut short
				Arguments.of("cut.webp", Arrays.copyOf(webp, webp.length - 2), "WebP image"),
				// sizes right, but no image chunk
				Arguments.of("empty.webp", riff(RealMedia.riffChunk("EXIF", RealMedia.bytes("abcd"))), "WebP image"),
				Arguments.of("disguised.mp4", RealMedia.concat(Arrays.copyOf(mp4, FTYP), TEXT), "MP4 video"),
				Arguments.of("cut.mp4", Arrays.copyOf(mp4, mp4.length - 3), "MP4 video"),
				// boxes right, but no movie
				Arguments.of("nomovie.mp4", RealMedia.concat(Arrays.copyOf(mp4, FTYP),
						RealMedia.box("mdat", TEXT)), "MP4 video"));
	}

	@ParameterizedTest
	@MethodSource("damagedFiles")
	void aFileThatIsNotWholeIsRefusedNamedAsTheCellGivesIt(String name, byte[] content, String claimed)
			throws IOException {
		Path file = RealMedia.write(dir, name, content);

		assertThatThrownBy(() -> LocalMediaInspector.inspect(file, kind(name), dir))
			.isInstanceOfSatisfying(MediaRejectedException.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("media_corrupt");
				assertThat(rejected.messageNaming("photos/" + name))
					.startsWith("'photos/" + name + "' is not a valid " + claimed + ": ")
					.endsWith(" — save or export the file again, or use another")
					.doesNotContain(dir.toString());
			});
	}

	@Test
	void anImageOfTooManyPixelsIsRefusedBeforeItsPixelsAreRead() throws IOException {
		// a 1 x 1 PNG whose header claims 20000 x 20000 pixels: 400 megapixels, in a file of a few dozen bytes
		byte[] png = RealMedia.png("x");
		ByteBuffer header = ByteBuffer.wrap(png);
		header.putInt(16, 20_000).putInt(20, 20_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		header.putInt(29, (int) crc.getValue());
		Path file = RealMedia.write(dir, "huge.png", png);

		assertThatThrownBy(() -> LocalMediaInspector.inspect(file, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("media_too_large");
				assertThat(rejected.messageNaming("huge.png")).isEqualTo("'huge.png' is 20000 × 20000 pixels"
						+ " (400 megapixels); pinbatch takes images up to 100 megapixels — make it smaller");
			});
	}

	private static MediaKind kind(String name) {
		return name.endsWith(".mp4") ? MediaKind.VIDEO : MediaKind.IMAGE;
	}

	private static byte[] riff(byte[] chunks) {
		return RealMedia.concat(RealMedia.bytes("RIFF"), ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
			.putInt(4 + chunks.length).array(), RealMedia.bytes("WEBP"), chunks);
	}
}
