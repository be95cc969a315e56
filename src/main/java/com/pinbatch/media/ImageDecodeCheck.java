package com.pinbatch.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a JPEG, PNG or GIF file through all of its image data, so that a file which only starts like an image
 * (a header, then text or another file's bytes) is found before it is uploaded. Memory stays small whatever the
 * file: the pixel count is checked before any pixel is read, and images are read subsampled (the decoder still
 * goes through every byte of the data, it only keeps fewer pixels).
 */
final class ImageDecodeCheck {

	/** Pixels kept per decoded image at most; the subsampling makes larger images fit. */
	private static final long KEPT_PIXELS = 4_000_000;

	private ImageDecodeCheck() {
	}

	/**
	 * @return why the file is not a whole image of the format ("the file ends before the image does"), or empty
	 * @throws MediaRejectedException when the image has more pixels than {@link MediaLimits#MAX_IMAGE_PIXELS}
	 */
	static Optional<String> problem(Path file, MediaFormat format) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
			if (in == null || !readers.hasNext()) {
				return Optional.of("it cannot be opened as " + format.description());
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				return decodeAll(reader, format, file);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException broken) {
			if (broken instanceof MediaRejectedException rejected) {
				throw rejected;
			}
			// decoders report damaged data with IOExceptions and, for some damage, runtime exceptions
			return Optional.of(reason(broken));
		}
	}

	/** Every image of the file (a GIF may hold many frames), each checked for its size before it is read. */
	private static Optional<String> decodeAll(ImageReader reader, MediaFormat format, Path file) throws IOException {
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		int images = format == MediaFormat.GIF ? reader.getNumImages(true) : 1;
		if (images < 1) {
			return Optional.of("it holds no image");
		}
		for (int index = 0; index < images; index++) {
			long width = reader.getWidth(index);
			long height = reader.getHeight(index);
			if (width * height > MediaLimits.MAX_IMAGE_PIXELS) {
				throw new MediaRejectedException(MediaProblem.TOO_LARGE, file, String.format(Locale.ROOT,
						"is %d × %d pixels (%d megapixels); pinbatch takes images up to %d megapixels — make it"
								+ " smaller", width, height, width * height / 1_000_000,
						MediaLimits.MAX_IMAGE_PIXELS / 1_000_000));
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = (int) Math.ceil(Math.sqrt((double) width * height / KEPT_PIXELS));
			if (step > 1) {
				param.setSourceSubsampling(step, step, 0, 0);
			}
			if (reader.canReadRaster()) {
				// the raster is the decoded data without colour conversion, so CMYK JPEGs are read too
				reader.readRaster(index, param);
			}
			else {
				reader.read(index, param);
			}
		}
		for (String warning : warnings) {
			String lower = warning.toLowerCase(Locale.ROOT);
			if (lower.contains("premature end") || lower.contains("truncated")) {
				return Optional.of("the file ends before the image does");
			}
		}
		return Optional.empty();
	}

	private static String reason(Exception broken) {
		String message = broken.getMessage();
		if (broken instanceof EOFException || broken.getCause() instanceof EOFException) {
			return "the file ends before the image does";
		}
		return message == null || message.isBlank() ? "its data cannot be decoded" : message.strip();
	}
}
