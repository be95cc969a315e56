package com.pinbatch.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.input.InputFileException;
import com.pinbatch.input.RowSources;
import com.pinbatch.input.XlsxRowSource;
import com.pinbatch.pin.PinValidator;
import com.pinbatch.plan.CapAdvice;
import com.pinbatch.result.RowStatus;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Review: the dry run as a page. Every row with its status, an INVALID row's message and the cell to fix, the pin's
 * thumbnail, title, board and publish time in the chosen zone; how the file was read and the capacity plan on top;
 * and the one button that sends.
 */
@ConsolePage
class ReviewPage {

	/** When a dropped Send was pressed, as the upload's page shows it (in the upload's time zone). */
	private static final DateTimeFormatter PRESSED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Uploads uploads;

	private final ConsoleRuns runs;

	private final UploadSends sends;

	private final WaitingSends waitingSends;

	ReviewPage(Uploads uploads, ConsoleRuns runs, UploadSends sends, WaitingSends waitingSends) {
		this.uploads = uploads;
		this.runs = runs;
		this.sends = sends;
		this.waitingSends = waitingSends;
	}

	@GetMapping("/uploads/{id}")
	String review(@PathVariable String id, Principal principal, Model model) {
		Upload upload = uploads.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		DryRun review = runs.lastReview(upload).orElseGet(() -> runs.review(upload));
		model.addAttribute("upload", upload);
		// a send a stop cut short: the page says that Send goes on with it; one that completed: Send sends it again
		UploadSends.Last last = sends.last(upload);
		model.addAttribute("stopped", last.cutShort());
		model.addAttribute("stoppedWithStop", last.withStop());
		model.addAttribute("stoppedWhy", last.why());
		model.addAttribute("sent", last.completed());
		// the run's page, where its rows and result file are, when this console ran it (before: only the history)
		model.addAttribute("sentRun", last.completed() ? last.runId() : null);
		Optional<LiveRun> going = runs.going(upload);
		model.addAttribute("going", going.map(LiveRun::id).orElse(null));
		model.addAttribute("waits", going.map(LiveRun::waiting).orElse(false));
		// a Send pressed that the console's stop dropped before its turn: nothing of it was sent
		model.addAttribute("dropped", going.isPresent() ? null : waitingSends.dropped(upload)
			.map(asked -> PRESSED_AT.withZone(upload.timezone()).format(asked) + " (" + upload.timezone() + ")")
			.orElse(null));
		model.addAttribute("lines", review.lines());
		model.addAttribute("refusal", review.refusal());
		// a file without a board column: one board for every row is a box away
		model.addAttribute("boardMissing", review.refusal() != null && review.refusal().contains(
				"one board for every row"));
		model.addAttribute("sheets", sheets(upload));
		model.addAttribute("sheetRead", upload.sheet() != null ? upload.sheet() : sheetRead(review.lines()));
		// a row without an account counts against its board's: asked once per account and board, from what the
		// review looked up
		Map<List<String>, Optional<String>> accounts = new HashMap<>();
		CapacityTimeline.Builder timelines = new CapacityTimeline.Builder(row -> accounts.computeIfAbsent(
				List.of(row.account(), row.board()),
				key -> Optional.ofNullable(runs.accountOf(upload, row.account(), row.board()))).orElse(null));
		ShownRows seen = new ShownRows();
		long[] overCaps = new long[1];
		String[] dateOrders = new String[2]; // the two forms of a date that reads both ways: day first, month first
		if (review.resultFile() != null) {
			ResultTable.read(review.resultFile(), upload.columnMapping(), upload.timezone(),
					seen.andThen(timelines).andThen(row -> {
						overCaps[0] += CapAdvice.ERROR_CODE.equals(row.errorCode()) ? 1 : 0;
						Matcher orders = dateOrders[0] == null && PinValidator.AMBIGUOUS_DATE.equals(row.errorCode())
								? Upload.DATE_ORDER.matcher(row.errorMessage()) : null;
						if (orders != null && orders.find()) {
							dateOrders[0] = orders.group(1);
							dateOrders[1] = orders.group(2);
						}
					}));
		}
		model.addAttribute("rows", seen.shown().stream()
			.map(row -> row.withThumbnail(upload.folder(), "/uploads/" + upload.id() + "/media/").shownFor(upload))
			.map(row -> CapAdvice.ERROR_CODE.equals(row.errorCode()) ? row.withStatus(OVER_CAPS) : row)
			.toList());
		model.addAttribute("notShown", seen.notShown());
		model.addAttribute("thumbs", true);
		Map<RowStatus, Long> counts = seen.counts();
		model.addAttribute("counts", badges(counts, upload.spread() ? 0 : overCaps[0]));
		model.addAttribute("invalid", counts.containsKey(RowStatus.INVALID));
		model.addAttribute("sendable", counts.getOrDefault(RowStatus.VALID, 0L));
		model.addAttribute("goOn", goesOn(last.cutShort(), counts));
		// the command line's advice for them is --spread: here it is one button away
		model.addAttribute("overCaps", upload.spread() ? 0 : overCaps[0]);
		model.addAttribute("timelines", timelines.timelines());
		// the command line's advice for dates that read both ways is --date-format: here two buttons
		model.addAttribute("dayFirst", dateOrders[0]);
		model.addAttribute("monthFirst", dateOrders[1]);
		return "review";
	}

	@PostMapping("/uploads/{id}/sheet")
	String chooseSheet(@PathVariable String id, @RequestParam String sheet, Principal principal, Model model,
			HttpServletResponse response) {
		return reviewedAgain(id, principal, model, response, upload -> upload.withSheet(sheet.isBlank() ? null
				: sheet));
	}

	/**
	 * One board for every row of a file without a board column, given on the review that refused it: the file is
	 * read again with it, as with the upload form's Board box (before, the way there was a mapping file's lines, or
	 * going back to the form and choosing the file again).
	 */
	@PostMapping("/uploads/{id}/board")
	String chooseBoard(@PathVariable String id, @RequestParam String board, Principal principal, Model model,
			HttpServletResponse response) {
		return reviewedAgain(id, principal, model, response, upload -> upload.withBoard(board.isBlank() ? null
				: board.strip()));
	}

	/**
	 * The review's counts by status, as its badges say them: a check sends nothing, so its rows over their accounts'
	 * caps are not FAILED but would fail, which Spread avoids (before: "25 VALID 35 FAILED" for a file that only
	 * needed spreading).
	 */
	static Map<String, Long> badges(Map<RowStatus, Long> counts, long overCaps) {
		Map<String, Long> badges = new LinkedHashMap<>();
		counts.forEach((status, count) -> {
			long shown = status == RowStatus.FAILED ? count - overCaps : count;
			if (shown > 0) {
				badges.put(status.name(), shown);
			}
		});
		if (overCaps > 0) {
			badges.put(OVER_CAPS, overCaps);
		}
		return badges;
	}

	/** The badge of rows a send would fail at their account's caps. */
	static final String OVER_CAPS = "OVER CAPS";

	/** The file's dates read in one order, chosen with the review's Day first or Month first. */
	@PostMapping("/uploads/{id}/date-format")
	String chooseDateFormat(@PathVariable String id, @RequestParam String dateFormat, Principal principal, Model model,
			HttpServletResponse response) {
		return reviewedAgain(id, principal, model, response, upload -> upload.withDateFormat(dateFormat.isBlank()
				? null : dateFormat.strip()));
	}

	/** The same file planned again with its pins over their accounts' caps spread over free slots. */
	@PostMapping("/uploads/{id}/spread")
	String spread(@PathVariable String id, Principal principal, Model model, HttpServletResponse response) {
		return reviewedAgain(id, principal, model, response, upload -> upload.withSpread(true));
	}

	/** The upload with a choice changed on its review, reviewed again; refused while the file is being sent. */
	private String reviewedAgain(String id, Principal principal, Model model, HttpServletResponse response,
			UnaryOperator<Upload> change) {
		Upload upload = uploads.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		if (runs.going(upload).isPresent()) {
			return unchangedWhileSent(id, principal, model, response);
		}
		Upload chosen = change.apply(upload);
		uploads.update(chosen);
		runs.review(chosen);
		return "redirect:/uploads/" + id;
	}

	/**
	 * A sheet, board or spreading chosen while the file's send goes on, or waits for its turn: that send goes as it
	 * was pressed, so the page must not show another plan above "being sent" (and "sent" once it ended).
	 */
	private String unchangedWhileSent(String id, Principal principal, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("problem", "this file is being sent as it was when Send was pressed: its sheet,"
				+ " board and spreading stay as they are; change them once that run has ended");
		return review(id, principal, model);
	}

	/** A local media file's thumbnail: only an image inside the upload's own folder, only for its owner. */
	@GetMapping("/uploads/{id}/media/{row}")
	ResponseEntity<FileSystemResource> media(@PathVariable String id, @PathVariable long row, Principal principal)
			throws IOException {
		Upload upload = uploads.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		DryRun review = runs.lastReview(upload).orElseThrow(NotFound::page);
		Path file = review.resultFile() == null ? null
				: ResultTable.localMedia(review.resultFile(), upload.columnMapping(), row, upload.folder());
		String type = file == null ? null : Files.probeContentType(file);
		if (type == null || !type.startsWith("image/")) {
			throw NotFound.page();
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(new FileSystemResource(file));
	}

	/**
	 * Whether Send goes on with a run a stop cut short: rows to send, or pins on Zernio whose outcome may still change
	 * (a run stopped while it followed them had sent every row). Rows all refused or final leave nothing to go on with.
	 */
	static boolean goesOn(boolean cutShort, Map<RowStatus, Long> counts) {
		return cutShort && counts.entrySet()
			.stream()
			.anyMatch(count -> count.getValue() > 0
					&& (count.getKey() == RowStatus.VALID || count.getKey().mayChange()));
	}

	/** How the review says it read a sheet other than the first, which had no pin columns. */
	private static final Pattern SHEET_READ = Pattern.compile("read sheet '(.+?)', the first with pin columns");

	/**
	 * The sheet the review read when none was chosen: the first with pin columns, else (null) the first, which the
	 * list shows unless told (before, a workbook whose first sheet was its instructions showed that one as chosen).
	 */
	private static String sheetRead(List<String> lines) {
		return lines.stream()
			.map(SHEET_READ::matcher)
			.filter(Matcher::find)
			.map(found -> found.group(1))
			.findFirst()
			.orElse(null);
	}

	/** The workbook's visible sheets when there is a choice to make; empty otherwise. */
	private static List<String> sheets(Upload upload) {
		try {
			if (!RowSources.isWorkbook(upload.file())) {
				return List.of();
			}
			List<String> sheets = XlsxRowSource.visibleSheets(upload.file());
			return sheets.size() > 1 ? sheets : List.of();
		}
		catch (InputFileException ex) {
			return List.of(); // the review says what is wrong with the file
		}
	}
}
