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

		private final boolean quoted;

		RecordTooLargeException(boolean quoted) {
			super("record longer than " + MAX_RECORD_CHARS + " characters");
			this.quoted = quoted;
		}

		/** Whether the record holds a quote: one opened and never closed is then the likely cause. */
		boolean quoted() {
			return quoted;
		}
	}

	private long sinceRecordStart;

	/**
	 * How far back the parser may have read ahead of the record it ends: a quote read within it may be the next
	 * record's. Commons CSV reads through a buffer of 8,192 characters.
	 */
	private static final long READ_AHEAD = 16_384;

	/** Characters read since the last quote character (MAX_VALUE: none yet). */
	private long sinceQuote = Long.MAX_VALUE;

	/** Whether the record read so far holds a quote character, as far as the read-ahead lets tell. */
	private boolean quoteSeen;

	RecordSizeGuard(Reader in) {
		super(in);
	}

	/** Called after each record; the parser reads ahead a buffer at most, well within the limit. */
	void recordDone() {
		sinceRecordStart = 0;
		quoteSeen = sinceQuote < READ_AHEAD;
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		return read(one, 0, 1) < 0 ? -1 : one[0];
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (sinceRecordStart > MAX_RECORD_CHARS) {
			throw new RecordTooLargeException(quoteSeen);
		}
		int count = super.read(target, offset, length);
		if (count > 0) {
			sinceRecordStart += count;
			int last = offset + count - 1;
			while (last >= offset && target[last] != '"') {
				last--;
			}
			if (last >= offset) {
				quoteSeen = true;
				sinceQuote = offset + count - 1 - last;
			}
			else if (sinceQuote != Long.MAX_VALUE) {
				sinceQuote += count;
			}
		}
		return count;
	}
}
