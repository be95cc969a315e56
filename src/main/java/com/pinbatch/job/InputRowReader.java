package com.pinbatch.job;

import java.nio.file.Path;
import java.util.List;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the input file row by row and remembers, with each committed chunk, how many rows it has handed out, so a
 * restart skips exactly the rows whose chunk committed.
 */
public class InputRowReader implements ItemStreamReader<InputRow> {

	static final String ROWS_READ = "pinbatch.rowsRead";

	private final Path file;

	private final InputOptions options;

	private RowSource source;

	private long rowsRead;

	public InputRowReader(Path file, InputOptions options) {
		this.file = file;
		this.options = options;
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		source = RowSources.open(file, options);
		long committed = context.getLong(ROWS_READ, 0L);
		for (rowsRead = 0; rowsRead < committed && source.next() != null; rowsRead++) {
			// skip rows whose chunk committed before the last stop
		}
	}

	@Override
	public InputRow read() {
		InputRow row = source.next();
		if (row != null) {
			rowsRead++;
		}
		return row;
	}

	/** The input's header row; once open. */
	public List<String> headers() {
		return source.headers();
	}

	/** The input's delimiter (for a result file written like it); once open. */
	public char delimiter() {
		return source.delimiter();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(ROWS_READ, rowsRead);
	}

	@Override
	public void close() {
		if (source != null) {
			source.close();
			source = null;
		}
	}
}
