package com.pinbatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.result.ResultFileWriter;
import com.pinbatch.result.ResultFiles;
import com.pinbatch.result.RowResult;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A result file as a download: as it was written, or written again as CSV or as XLSX by the result writers the runs
 * use, so a cell a spreadsheet would run as a formula stays text in either.
 */
final class ResultDownload {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private ResultDownload() {
	}

	/**
	 * @param format {@code csv}, {@code xlsx}, or null for the file as it is
	 * @throws org.springframework.web.server.ResponseStatusException (not found) for a missing file or another format
	 */
	static ResponseEntity<byte[]> of(Path resultFile, String format) {
		if (resultFile == null || !Files.isRegularFile(resultFile)) {
			throw NotFound.page();
		}
		String name = resultFile.getFileName().toString();
		String base = name.replaceFirst("(?i)\\.(csv|xlsx)$", "");
		String asked = format == null || format.isBlank() ? extension(name) : format.toLowerCase(Locale.ROOT);
		if (!asked.equals("csv") && !asked.equals("xlsx")) {
			throw NotFound.page();
		}
		byte[] content;
		try {
			content = asked.equals(extension(name)) ? Files.readAllBytes(resultFile) : convert(resultFile, asked);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the result file " + resultFile, ex);
		}
		return ResponseEntity.ok()
			.contentType(asked.equals("xlsx") ? XLSX : CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(base + "." + asked).build().toString())
			.body(content);
	}

	private static String extension(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
	}

	/** Writes the rows again in the other format, in a temporary file removed once read. */
	private static byte[] convert(Path resultFile, String format) throws IOException {
		Path temporary = Files.createTempFile("pinbatch-result-", "." + format);
		try {
			try (RowSource source = RowSources.open(resultFile, InputOptions.defaults());
					ResultFileWriter writer = ResultFiles.open(temporary)) {
				writer.writeHeader(source.headers());
				for (InputRow row = source.next(); row != null; row = source.next()) {
					writer.writeRow(row, RowResult.carriedOver(row.rowNumber(), row.prior()));
				}
			}
			return Files.readAllBytes(temporary);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}
}
