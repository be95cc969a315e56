package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;

/**
 * Decodes text in one encoding and fails on the first byte that is not text in it, instead of silently turning it
 * into U+FFFD.
 * Unlike {@link java.io.InputStreamReader}, it first hands out every character decoded before the bad byte
 * and fails only when the reader reaches it, so the CSV parser is at the record that holds the bad byte and
 * the error can name the right row.
 */
final class StrictTextReader extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	private boolean endOfInput;

	private boolean flushed;

	StrictTextReader(InputStream in, Charset charset) {
		this.in = in;
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (flushed) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		CharBuffer chars = CharBuffer.wrap(target, offset, length);
		while (true) {
			CoderResult result = decoder.decode(bytes, chars, endOfInput);
			int decoded = chars.position() - offset;
			if (result.isError()) {
				if (decoded > 0) {
					return decoded;
				}
				throw new MalformedInputException(result.length());
			}
			if (result.isOverflow() || decoded > 0) {
				return decoded;
			}
			if (endOfInput) {
				return finish(chars, offset);
			}
			fillBytes();
		}
	}

	private void fillBytes() throws IOException {
		bytes.compact();
		int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (count < 0) {
			endOfInput = true;
		}
		else {
			bytes.position(bytes.position() + count);
		}
		bytes.flip();
	}

	private int finish(CharBuffer chars, int offset) {
		decoder.flush(chars);
		flushed = true;
		int decoded = chars.position() - offset;
		return decoded > 0 ? decoded : -1;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
