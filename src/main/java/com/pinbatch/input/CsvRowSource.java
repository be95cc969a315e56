package com.pinbatch.input;

import java.nio.file.Path;
import java.util.List;

/** Streaming CSV reader (Apache Commons CSV). Placeholder: implemented on the input branch. */
public final class CsvRowSource implements RowSource {

	public static CsvRowSource open(Path file) {
		throw new UnsupportedOperationException("CSV reading not implemented yet");
	}

	@Override
	public List<String> headers() {
		throw new UnsupportedOperationException();
	}

	@Override
	public InputRow next() {
		throw new UnsupportedOperationException();
	}

	@Override
	public void close() {
	}
}
