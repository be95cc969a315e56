package com.pinbatch.cli;

import java.nio.file.Path;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.MappingException;

/**
 * Reads a whole input once before anything is sent: a malformed row near the end must stop the run with exit 2
 * before the first pin is created, not after half the file went out. It also counts the rows for progress.
 */
final class InputInspector {

	private InputInspector() {
	}

	/** @return the number of data rows; throws InputFileException or MappingException for a file to fix */
	static long inspect(Path file, InputOptions options, ColumnMapping mapping) {
		try (RowSource source = RowSources.open(file, options)) {
			try {
				mapping.bind(source.headers());
			}
			catch (MappingException ex) {
				throw new MappingException(file + ": " + ex.getMessage(), ex);
			}
			long rows = 0;
			for (InputRow row = source.next(); row != null; row = source.next()) {
				rows++;
			}
			if (rows == 0) {
				throw new InputFileException(file + ": has no data rows below the header row");
			}
			return rows;
		}
	}
}
