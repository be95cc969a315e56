package com.pinbatch.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.pinbatch.text.Formats;

/**
 * Walks the top-level boxes of an MP4 or MOV file (ISO base media format) to the end of the file: every size
 * fits what is left, the boxes end exactly where the file does, 'ftyp' comes first and a 'moov' box (the
 * movie's description, without which no player can show it) is there. Only box headers are read, so a 2 GB video
 * costs a few hundred small reads. A file that only starts like a video fails on its first wrong size.
 */
final class IsoMediaBoxes {

	private IsoMediaBoxes() {
	}

	/** Why the file is not a whole MP4/MOV file, or empty when its boxes hold. */
	static Optional<String> problem(SeekableByteChannel file) throws IOException {
		long length = file.size();
		long position = 0;
		boolean movie = false;
		int index = 0;
		while (position < length) {
			ByteBuffer header = FileBytes.read(file, position, 8, ByteOrder.BIG_ENDIAN);
			if (header == null) {
				return Optional.of("the file ends inside a box header at byte " + position);
			}
			long size = Integer.toUnsignedLong(header.getInt(0));
			String type = WebpStructure.printable(new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1));
			long headerSize = 8;
			if (size == 1) {
				ByteBuffer large = FileBytes.read(file, position + 8, 8, ByteOrder.BIG_ENDIAN);
				if (large == null) {
					return Optional.of("the file ends inside a box header at byte " + position);
				}
				size = large.getLong(0);
				headerSize = 16;
			}
			else if (size == 0) {
				size = length - position; // "to the end of the file"
			}
			if (size < headerSize || size > length - position) {
				return Optional.of(Formats.plain("box '%s' at byte %d %s", type, position,
						size < headerSize ? "has an impossible size" : "runs past the end of the file"));
			}
			if (index == 0 && !type.equals("ftyp")) {
				return Optional.of("it does not start with an 'ftyp' box");
			}
			movie |= type.equals("moov");
			position += size;
			index++;
		}
		return movie ? Optional.empty() : Optional.of("it has no 'moov' box (the movie's description)");
	}
}
