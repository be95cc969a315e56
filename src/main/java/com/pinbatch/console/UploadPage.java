package com.pinbatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Upload: a CSV or XLSX spreadsheet (or a corrected result file, to retry its failed rows) with the defaults the
 * command line takes as options. Storing it checks every row at once (the review), nothing is sent.
 */
@ConsolePage
class UploadPage {

	private final Uploads uploads;

	private final ConsoleRuns runs;

	private final UploadRetention retention;

	private final DataSize maxFileSize;

	UploadPage(Uploads uploads, ConsoleRuns runs, UploadRetention retention, MultipartProperties multipart) {
		this.uploads = uploads;
		this.runs = runs;
		this.retention = retention;
		this.maxFileSize = multipart.getMaxFileSize();
	}

	/** @param refused why the last upload was refused before it reached the page ({@link UploadSizeGuard}) */
	@GetMapping("/")
	String form(@RequestParam(name = UploadSizeGuard.REFUSED, required = false) String refused, Model model,
			HttpServletResponse response) {
		model.addAttribute("timezone", "UTC");
		if (UploadSizeGuard.TOO_LARGE.equals(refused)) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			model.addAttribute("problem", tooLarge());
		}
		return "upload";
	}

	@PostMapping("/uploads")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "sheet", required = false) String sheet,
			@RequestParam(name = "account", required = false) String account,
			@RequestParam(name = "board", required = false) String board,
			@RequestParam(name = "timezone", defaultValue = "UTC") String timezone,
			@RequestParam(name = "dateFormat", required = false) String dateFormat,
			@RequestParam(name = "encoding", required = false) String encoding,
			@RequestParam(name = "mapping", required = false) String mapping,
			@RequestParam(name = "spread", defaultValue = "false") boolean spread,
			@RequestParam(name = "retry", defaultValue = "false") boolean retry, Principal principal, Model model,
			HttpServletResponse response) {
		String problem = null;
		ZoneId zone = null;
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			problem = "choose a CSV or XLSX file to upload";
		}
		else if (file.isEmpty()) {
			problem = "choose a CSV or XLSX file to upload (the one chosen is empty)";
		}
		else if (maxFileSize != null && file.getSize() > maxFileSize.toBytes()) {
			problem = tooLarge();
		}
		else {
			try {
				zone = ZoneId.of(timezone.strip());
			}
			catch (DateTimeException ex) {
				problem = "time zone " + timezone
						+ " is not a time zone; use an IANA name such as Europe/Berlin or America/New_York";
			}
			if (problem == null && blankToNull(dateFormat) != null) {
				try {
					DateTimeFormatter.ofPattern(dateFormat.strip());
				}
				catch (IllegalArgumentException ex) {
					problem = "date format " + dateFormat + " is not a date pattern (" + ex.getMessage()
							+ "); use java.time letters, e.g. dd.MM.yyyy HH:mm";
				}
			}
		}
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem);
			model.addAttribute("timezone", timezone);
			model.addAttribute("timezoneTyped", true);
			model.addAttribute("dateFormat", dateFormat);
			model.addAttribute("encoding", encoding);
			model.addAttribute("mapping", mapping);
			// everything typed and ticked comes back: the person fixes the one field, not all of them again
			model.addAttribute("sheet", sheet);
			model.addAttribute("account", account);
			model.addAttribute("board", board);
			model.addAttribute("spread", spread);
			model.addAttribute("retry", retry);
			return "upload";
		}
		Upload choices = new Upload(null, Owner.of(principal), null, null, null, blankToNull(sheet),
				blankToNull(account), blankToNull(board), zone, blankToNull(dateFormat), blankToNull(encoding),
				mapping == null || mapping.isBlank() ? null : mapping, spread, retry);
		Upload stored;
		try (InputStream content = file.getInputStream()) {
			stored = uploads.store(content, file.getOriginalFilename(), choices);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		runs.review(stored);
		retention.sweep(); // a console that runs for months makes room as uploads come
		return "redirect:/uploads/" + stored.id();
	}

	/** The container refused the request before it reached the page: the same message as the page's own check. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String refuseTooLarge(Model model) {
		model.addAttribute("problem", tooLarge());
		model.addAttribute("timezone", "UTC");
		return "upload";
	}

	private String tooLarge() {
		long bytes = maxFileSize.toBytes();
		String limit = bytes >= 1024 * 1024 ? maxFileSize.toMegabytes() + "MB" : maxFileSize.toKilobytes() + "KB";
		return "the file is larger than the console takes (" + limit
				+ ", spring.servlet.multipart.max-file-size); split it, or run it from the command line";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
