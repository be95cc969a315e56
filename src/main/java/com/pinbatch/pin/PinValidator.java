package com.pinbatch.pin;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.FileNames;
import com.pinbatch.text.SpreadsheetDigits;

/**
 * Checks a {@link PinDraft} against Pinterest's rules before anything is sent, and turns it into a {@link Pin}.
 * Every problem of a row is reported, in the file's column order; each names the user's column and the fix.
 * <p>
 * Codes:
 * <table>
 * <caption>validation problem codes</caption>
 * <tr><th>code</th><th>column</th><th>when</th></tr>
 * <tr><td>title_too_long</td><td>title</td><td>more than 100 characters</td></tr>
 * <tr><td>description_too_long</td><td>description</td><td>more than 500 characters</td></tr>
 * <tr><td>alt_text_too_long</td><td>alt_text</td><td>more than 500 characters</td></tr>
 * <tr><td>media_missing</td><td>media_url</td><td>no media (Pinterest has no text-only pins)</td></tr>
 * <tr><td>multiple_media</td><td>media_url</td><td>more than one URL or file path in the cell</td></tr>
 * <tr><td>media_url_invalid</td><td>media_url</td><td>starts with a scheme but is not a valid URL</td></tr>
 * <tr><td>media_url_not_https</td><td>media_url</td><td>http:// or another scheme</td></tr>
 * <tr><td>media_share_link</td><td>media_url, cover_image_url</td><td>a Google Drive/Docs/Photos, Dropbox,
 * OneDrive, SharePoint, iCloud or WeTransfer share page, or a page of Pinterest, Instagram, Canva, Flickr, Imgur or
 * Unsplash</td></tr>
 * <tr><td>unsupported_media_type</td><td>media_url</td><td>not JPEG, PNG, WebP, GIF, MP4 or MOV (a URL without a
 * known extension counts as an image; a local file needs an extension)</td></tr>
 * <tr><td>media_file_not_found</td><td>media_url</td><td>a local path (resolved against the input file's folder)
 * that is not a readable file</td></tr>
 * <tr><td>media_too_large</td><td>media_url</td><td>a local image over 32 MB or video over 2 GB</td></tr>
 * <tr><td>link_invalid</td><td>link</td><td>not an absolute URL</td></tr>
 * <tr><td>link_not_https</td><td>link</td><td>http:// or another scheme</td></tr>
 * <tr><td>link_shortener</td><td>link</td><td>bit.ly, t.co, tinyurl.com and other URL shorteners</td></tr>
 * <tr><td>board_missing</td><td>board</td><td>no board in the row and no --board default</td></tr>
 * <tr><td>id_precision_lost</td><td>board, account</td><td>an id a spreadsheet stored as a number of more than
 * 15 digits, or wrote in scientific notation: its last digits are lost</td></tr>
 * <tr><td>cover_on_image</td><td>cover_image_url, cover_keyframe_s</td><td>a cover on an image pin</td></tr>
 * <tr><td>cover_keyframe_invalid</td><td>cover_keyframe_s (or a number in cover_image_url)</td><td>not a
 * non-negative whole number of seconds</td></tr>
 * <tr><td>cover_image_invalid</td><td>cover_image_url</td><td>not an https URL</td></tr>
 * <tr><td>publish_at_invalid</td><td>publish_at</td><td>no accepted form reads it (see
 * {@link PublishTimeParser})</td></tr>
 * <tr><td>ambiguous_date</td><td>publish_at</td><td>a date like 03/04/2027 that reads day first and month first,
 * in a column whose order is not settled ({@link ValidationSettings#dateOrder()}) and without --date-format</td></tr>
 * <tr><td>publish_at_nonexistent</td><td>publish_at</td><td>a local time skipped by a daylight-saving change</td></tr>
 * <tr><td>publish_at_ambiguous</td><td>publish_at</td><td>a local time repeated by a daylight-saving change</td></tr>
 * <tr><td>publish_at_in_past</td><td>publish_at</td><td>not after the clock's now</td></tr>
 * <tr><td>timezone_invalid</td><td>timezone</td><td>not a time zone name (IANA, any case) or offset</td></tr>
 * </table>
 * In a valid {@link Pin}, optional texts that the row leaves empty are null, keywords an empty list, and
 * {@code account} is null when neither the row nor --account names one (the job then finds it from the board).
 */
public final class PinValidator {

	static final int MAX_TITLE = 100;

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_ALT_TEXT = 500;


	/** The error values Excel and Google Sheets show in a cell whose formula failed. */
	private static final Pattern SPREADSHEET_ERROR = Pattern.compile(
			"(?i)#(NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|ERROR!)");

	/** How a spreadsheet writes a long number it holds: "9.18274E+17", or "9,18274E+17" where the comma is decimal. */
	private static final Pattern SCIENTIFIC = Pattern.compile("\\d+([.,]\\d+)?[eE]\\+\\d+");

	/** A number, with a decimal point or, as spreadsheets in most of Europe write it, a decimal comma. */
	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

	private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("[,;]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** The error code of a date that reads day first and month first, the file's other dates not settling which. */
	public static final String AMBIGUOUS_DATE = "ambiguous_date";

	/** The error code of a row that is the header row again. */
	public static final String HEADER_REPEATED = "header_row_repeated";

	/** A totals row or a section heading between the pins ({@link TotalsOrSectionRow}). */
	static final String NOT_A_PIN = "totals_or_section_row";

	private final ValidationSettings settings;

	private final PublishAtCheck publishAt;

	private final MediaCheck media;

	public PinValidator(ValidationSettings settings) {
		this.settings = settings;
		this.publishAt = new PublishAtCheck(settings);
		this.media = new MediaCheck(settings.mediaBaseDir(), settings.allowedMediaFolder());
	}

	public Validation validate(PinDraft draft) {
		ProblemList problems = new ProblemList(draft);
		if (draft.repeatsHeader()) {
			// its cells' own problems (a title 'title', a media URL 'media_url') would only hide what it is
			problems.add(draft.columnNames().keySet().iterator().next(), HEADER_REPEATED, "the row repeats the header"
					+ " row (%2$s): it is no pin — delete the row (two files pasted one under the other leave a header"
					+ " row at the join)", String.join(", ", draft.columnNames().values()));
			return Validation.invalid(problems.inColumnOrder(), null);
		}
		Optional<String> label = TotalsOrSectionRow.cells(draft);
		if (label.isPresent()) {
			problems.add(draft.columnNames().keySet().iterator().next(), NOT_A_PIN, "the row holds only %2$s: a"
					+ " totals or section row, not a pin — delete it from the sheet (it is never sent)", label.get());
			return Validation.invalid(problems.inColumnOrder(), null);
		}
		checkSpreadsheetErrors(draft, problems);
		String title = shownWithin(draft, PinField.TITLE, MAX_TITLE, "title_too_long", problems);
		String description = shownWithin(draft, PinField.DESCRIPTION, MAX_DESCRIPTION, "description_too_long", problems);
		String altText = shownWithin(draft, PinField.ALT_TEXT, MAX_ALT_TEXT, "alt_text_too_long", problems);
		// a media cell that is no text (a picture in it, a formula not computed) has nothing more to check
		Media item = problems.has(PinField.MEDIA_URL) ? null : media.check(draft, problems);
		String link = problems.has(PinField.LINK) ? null : LinkCheck.check(draft, problems);
		String board = board(draft, problems);
		String account = account(draft, problems);
		Instant publishTime = publishAt.check(draft, problems);
		Cover cover = cover(draft, item, problems);
		if (!problems.isEmpty()) {
			return Validation.invalid(problems.inColumnOrder(), publishTime);
		}
		return Validation.valid(new Pin(draft.rowNumber(), title, description, item, board, link, account,
				publishTime, altText, cover.imageUrl(), cover.keyframeSeconds(), keywords(draft)));
	}

	/**
	 * A cell that shows a spreadsheet's error value (#DIV/0!, #N/A, #REF!...), saved as such by Excel or Google
	 * Sheets (in a workbook or a CSV export): a formula that failed, which would otherwise be sent as the pin's text.
	 */
	private static void checkSpreadsheetErrors(PinDraft draft, ProblemList problems) {
		for (PinField field : PinField.ALL) {
			if (draft.has(field) && InputRow.NOT_CALCULATED.equals(draft.get(field))) {
				problems.add(field, "cell_error", "%s is a formula the file holds no computed value for (the file was"
						+ " saved by a program that does not calculate): open it in Excel or LibreOffice and save it"
						+ " (or type the value), then run again");
			}
			else if (draft.has(field) && InputRow.LINK_PUT_TOGETHER.equals(draft.get(field))) {
				problems.add(field, "cell_error", "%s is a HYPERLINK formula that puts its address together from other"
						+ " cells, and the file keeps only the text it shows — write the whole address in the formula"
						+ " (=HYPERLINK(\"https://…\", \"Shop\")) or in the cell, then run again");
			}
			else if (draft.has(field) && InputRow.PICTURE_IN_CELL.equals(draft.get(field))) {
				problems.add(field, "cell_error", "%s holds a picture placed in the cell, which the file keeps as no"
						+ " address pinbatch can send — put the picture's https address (or the path of its file) in"
						+ " the cell instead; =IMAGE(\"https://…\") is read as its address");
			}
			else if (draft.has(field) && draft.get(field).indexOf('#') >= 0
					&& SPREADSHEET_ERROR.matcher(draft.get(field).strip()).matches()) {
				problems.add(field, "cell_error", "%s shows the spreadsheet error %s: its formula failed — fix the"
						+ " formula (or type the value) and save the file again", draft.get(field).strip());
			}
		}
	}

	/** The field's text as the pin carries it (composed, see {@link #shown}), its length checked; null when empty. */
	private static String shownWithin(PinDraft draft, PinField field, int max, String code, ProblemList problems) {
		if (!draft.has(field)) {
			return null;
		}
		String value = shown(draft.get(field));
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			problems.add(field, code, "%s has %d characters; Pinterest allows at most %d — shorten it", length, max);
		}
		return value;
	}

	private String board(PinDraft draft, ProblemList problems) {
		if (draft.has(PinField.BOARD)) {
			checkIdDigits(draft, PinField.BOARD, "the board name", problems);
			return draft.get(PinField.BOARD);
		}
		if (settings.defaultBoard() != null) {
			return settings.defaultBoard();
		}
		if (draft.columnNames().containsKey(PinField.BOARD)) {
			problems.add(PinField.BOARD, "board_missing", "%s is empty and no --board default was given"
					+ " — fill in a board name or id");
		}
		else {
			problems.add(PinField.BOARD, "board_missing", "the file has no %s column and no --board default was"
					+ " given — add a board column (board name or id) or run with --board=NAME_OR_ID");
		}
		return null;
	}

	private String account(PinDraft draft, ProblemList problems) {
		if (draft.has(PinField.ACCOUNT)) {
			checkIdDigits(draft, PinField.ACCOUNT, "the account username", problems);
			return draft.get(PinField.ACCOUNT);
		}
		return settings.defaultAccount();
	}

	private static void checkIdDigits(PinDraft draft, PinField field, String alternative, ProblemList problems) {
		String value = draft.get(field);
		boolean rounded = SCIENTIFIC.matcher(value).matches()
				|| draft.numericFields().contains(field)
						&& digits(GROUPING.matcher(value).replaceAll("")) > SpreadsheetDigits.KEPT;
		if (rounded) {
			problems.add(field, "id_precision_lost", "%s '%s' was stored as a number, and spreadsheets keep only"
					+ " 15 digits, so this id has lost its last digits — format the %1$s column as Text and retype"
					+ " the ids (or use %s)", value, alternative);
		}
	}

	/** What a number's format puts between its digits' groups ({@code #,##0} shows 918,273,645,500,000,000). */
	private static final Pattern GROUPING = Pattern.compile("[,'\\s\u00a0\u202f]");

	/** Digits of the whole part of a number, or 0 when the text is not a number. */
	private static int digits(String value) {
		try {
			return new BigDecimal(value).abs().toBigInteger().toString().length();
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** A video cover: an image URL, a key frame time, or both. */
	private record Cover(String imageUrl, Integer keyframeSeconds) {
	}

	private Cover cover(PinDraft draft, Media item, ProblemList problems) {
		String imageUrl = draft.get(PinField.COVER_IMAGE_URL);
		String keyframe = draft.get(PinField.COVER_KEYFRAME_S);
		PinField keyframeField = PinField.COVER_KEYFRAME_S;
		// Pinterest's template has one Thumbnail column for both: a number there is a key frame time
		if (NUMBER.matcher(imageUrl).matches() && keyframe.isEmpty()) {
			keyframe = imageUrl;
			keyframeField = PinField.COVER_IMAGE_URL;
			imageUrl = "";
		}
		Integer seconds = keyframe.isEmpty() ? null : keyframeSeconds(keyframe, keyframeField, problems);
		if (!imageUrl.isEmpty()) {
			imageUrl = checkCoverImage(imageUrl, problems);
		}
		if (item != null && item.kind() == MediaKind.IMAGE) {
			for (PinField field : List.of(PinField.COVER_IMAGE_URL, PinField.COVER_KEYFRAME_S)) {
				if (draft.has(field)) {
					problems.add(field, "cover_on_image", "%s is set but the media is an image; a cover is only for"
							+ " video pins — clear %1$s or use a video");
				}
			}
		}
		return new Cover(imageUrl.isEmpty() ? null : imageUrl, seconds);
	}

	private static Integer keyframeSeconds(String value, PinField field, ProblemList problems) {
		boolean decimalComma = NUMBER.matcher(value).matches() && value.contains(",");
		try {
			BigDecimal seconds = new BigDecimal(decimalComma ? value.replace(',', '.') : value);
			if (seconds.signum() < 0) {
				problems.add(field, "cover_keyframe_invalid", "%s '%s' is before the start of the video — give the"
						+ " video frame to use as cover as 0 or more whole seconds from its start, e.g. 3", value);
				return null;
			}
			if (seconds.stripTrailingZeros().scale() <= 0) {
				return seconds.intValueExact();
			}
		}
		catch (NumberFormatException | ArithmeticException notWhole) {
			// reported below
		}
		problems.add(field, "cover_keyframe_invalid", "%s '%s'%s is not a whole number of seconds — give the video"
				+ " frame to use as cover as 0 or more whole seconds, e.g. 3", value,
				decimalComma ? " (read with a decimal comma as " + value.replace(',', '.') + ")" : "");
		return null;
	}

	/** @return the cover as the pin takes it: the URL, or a local file's absolute path (uploaded when sent) */
	private String checkCoverImage(String value, ProblemList problems) {
		Optional<WebAddress.Typed> typed = WebAddress.asTyped(value); // also www.images.example/cover.jpg
		if (!value.contains("://") && typed.isEmpty()) {
			return localCover(value, problems);
		}
		if (typed.isEmpty() || !typed.get().address().isHttps()) {
			problems.add(PinField.COVER_IMAGE_URL, "cover_image_invalid", "%s '%s' is not an https URL — give the"
					+ " https:// address of the cover image, or the path of a local image file", value);
			return value;
		}
		MediaCheck.webPage(typed.get().address()).ifPresent(page -> problems.add(PinField.COVER_IMAGE_URL,
				"media_share_link", "%s '%s' is %s, which shows a web page instead of the image — give a direct image"
						+ " URL", value, page));
		return typed.get().sent();
	}

	/** A cover image on this machine, relative to the input file's folder; its content is checked when uploaded. */
	private String localCover(String value, ProblemList problems) {
		try {
			Path file = Path.of(value);
			if (!file.isAbsolute() && settings.mediaBaseDir() != null) {
				file = settings.mediaBaseDir().resolve(file);
			}
			Optional<Path> inside = MediaFolder.resolveInside(file, settings.allowedMediaFolder());
			if (inside.isPresent()) {
				return inside.get().toString();
			}
			problems.add(PinField.COVER_IMAGE_URL, "media_file_not_found", "%s '%s' "
					+ MediaFolder.notInside(settings.allowedMediaFolder()).replace("%", "%%"), value);
		}
		catch (InvalidPathException ex) {
			problems.add(PinField.COVER_IMAGE_URL, "cover_image_invalid", FileNames.canName(value)
					? "%s '%s' is neither an https URL nor a file path — give the https:// address of the cover image,"
							+ " or the path of a local image"
					: "%s '%s' " + FileNames.CANNOT_OPEN, value);
		}
		return value;
	}

	/** Keywords apart by commas or semicolons, or hashtags apart by spaces ("#kitchen #oak", a Hashtags column). */
	private static List<String> keywords(PinDraft draft) {
		String cell = draft.get(PinField.KEYWORDS);
		if (cell.isEmpty()) {
			return List.of();
		}
		List<String> keywords = new ArrayList<>();
		for (String written : KEYWORD_SEPARATOR.split(shown(cell))) {
			String keyword = written.strip();
			if (keyword.isEmpty()) {
				continue;
			}
			String[] words = SPACES.split(keyword);
			// a loop, not a repeated group in a pattern: a cell of thousands of hashtags would overflow the stack
			boolean hashtags = words.length > 1 && Arrays.stream(words).allMatch(word -> word.startsWith("#"));
			if (hashtags) {
				keywords.addAll(Arrays.asList(words));
			}
			else {
				keywords.add(keyword);
			}
		}
		return List.copyOf(keywords);
	}

	/**
	 * Text as Pinterest shows and counts it: composed (NFC), so a letter with its accent counts once. Text copied from
	 * macOS often comes decomposed (e and a combining accent), and a title of 100 letters then counted 108 and was
	 * refused. The pin carries it composed; the row's cells stay as written, for its identity (pins an earlier
	 * version created) and the result file.
	 */
	private static String shown(String text) {
		return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
	}
}
