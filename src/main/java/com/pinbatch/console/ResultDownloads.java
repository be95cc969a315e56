package com.pinbatch.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.pinbatch.input.RowSources;
import com.pinbatch.result.ResultFileBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A result file as a download, as it is or as CSV or XLSX: the other format is written by the same result-file
 * writers as a run's (so a cell starting with {@code =} stays text in either), into the run's own folder.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResultDownloads {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private final ResultFileBuilder resultFiles;

	ResultDownloads(ResultFileBuilder resultFiles) {
		this.resultFiles = resultFiles;
	}

	/**
	 * @param format {@code csv}, {@code xlsx}, or null for the file as the run wrote it
	 */
	ResponseEntity<FileSystemResource> of(Path resultFile, String format) {
		if (resultFile == null || !Files.isRegularFile(resultFile)) {
			throw NotFound.page();
		}
		boolean workbook = RowSources.isWorkbook(resultFile);
		String wanted = format == null ? (workbook ? "xlsx" : "csv") : format.strip().toLowerCase(Locale.ROOT);
		if (!wanted.equals("csv") && !wanted.equals("xlsx")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "download as csv or xlsx");
		}
		Path file = resultFile;
		if (wanted.equals("xlsx") != workbook) {
			file = resultFile.resolveSibling(baseName(resultFile) + "." + wanted);
			resultFiles.rewrite(resultFile, Map.of(), file);
		}
		return ResponseEntity.ok()
			.contentType(wanted.equals("xlsx") ? XLSX : CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	private static String baseName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
