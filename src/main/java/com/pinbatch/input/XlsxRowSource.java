package com.pinbatch.input;

import java.nio.file.Path;
import java.util.List;

/** Streaming CSV reader (Apache POI event API). Placeholder: implemented on the input branch. */
public final class XlsxRowSource implements RowSource {

	public static XlsxRowSource open(Path file, InputOptions options) {
		throw new UnsupportedOperationException("XLSX reading not implemented yet");
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
