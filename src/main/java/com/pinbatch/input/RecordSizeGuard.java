package com.pinbatch.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading when one record grows beyond a limit. An unterminated quote makes the CSV parser gather the
 * whole rest of the file into one cell; without this a large file would end in an OutOfMemoryError instead of
 * a message naming the row.
 */
final class RecordSizeGuard extends FilterReader {

	/** Far beyond any real pin (descriptions are at most 500 characters), far below a memory problem. */
	static final long MAX_RECORD_CHARS = 1_000_000;

	/** Thrown through the parser, which passes IOExceptions on. */
	static final class RecordTooLargeException extends IOException {

		RecordTooLargeException() {
			super("record longer than " + MAX_RECORD_CHARS + " characters");
		}
	}

	private long sinceRecordStart;

	RecordSizeGuard(Reader in) {
		super(in);
	}

	/** Called after each record; the parser reads ahead a buffer at most, well within the limit. */
	void recordDone() {
		sinceRecordStart = 0;
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		return read(one, 0, 1) < 0 ? -1 : one[0];
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (sinceRecordStart > MAX_RECORD_CHARS) {
			throw new RecordTooLargeException();
		}
		int count = super.read(target, offset, length);
		if (count > 0) {
			sinceRecordStart += count;
		}
		return count;
	}
}
