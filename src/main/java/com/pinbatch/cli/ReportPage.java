package com.pinbatch.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.util.List;

import com.pinbatch.console.HtmlReport;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.MappingException;

/** {@code --report=FILE.html}: the run's result files as one page, written after a run or a follow-up. */
final class ReportPage {

	private ReportPage() {
	}

	/**
	 * Writes the page and says where; writes nothing when nothing ran (a refused run already said why, in one line).
	 *
	 * @param said the lines the command printed, shown on the page
	 */
	static void write(CommandLineOptions options, List<HtmlReport.Input> inputs, List<String> said, PrintStream out,
			PrintStream err) {
		if (options.report() == null || inputs.isEmpty()) {
			return;
		}
		try {
			HtmlReport.write(options.report(), inputs, ColumnMapping.of(options.mapping()), options.timezone(), said);
			out.println("pinbatch: report: " + options.report().toAbsolutePath());
		}
		catch (UncheckedIOException | InvalidPathException | MappingException ex) {
			err.println("pinbatch: " + ex.getMessage());
		}
	}
}
