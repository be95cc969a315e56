package com.pinbatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.pinbatch.result.ResultFileBuilder;
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
		return of(resultFile, format, null);
	}

	/**
	 * The same, each row's message as {@code messages} says it (an upload's: its folder on the server is not its
	 * user's news), or as written when null.
	 */
	static ResponseEntity<byte[]> of(Path resultFile, String format, UnaryOperator<String> messages) {
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
			content = asked.equals(extension(name)) && messages == null ? Files.readAllBytes(resultFile)
					: convert(resultFile, asked, messages == null ? UnaryOperator.identity()
							: result -> result.withErrorMessage(messages.apply(result.errorMessage())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the result file " + resultFile, ex);
		}
		return ResponseEntity.ok()
			.contentType(asked.equals("xlsx") ? XLSX : CSV)
			// encoded (RFC 5987): a name with accents or emoji is not a valid header value as it is, and the server
			// would drop the header (the browser then saves a file named "result")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(base + "." + asked, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	private static String extension(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
	}

	/** Writes the rows again in {@code format}, each as {@code change} makes it, in a temporary folder then removed. */
	private static byte[] convert(Path resultFile, String format, UnaryOperator<RowResult> change) throws IOException {
		Path folder = Files.createTempDirectory("pinbatch-result-");
		Path converted = folder.resolve("result." + format);
		try {
			ResultFileBuilder.rewrite(resultFile, change, converted);
			return Files.readAllBytes(converted);
		}
		finally {
			Files.deleteIfExists(converted);
			Files.deleteIfExists(folder);
		}
	}
}
