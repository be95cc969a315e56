package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.plan.CapAdvice;

/**
 * A spreadsheet someone uploaded, kept under the data folder, with the choices made for it on the upload page.
 *
 * @param owner    who uploaded it (the login, or {@code local} on loopback without users): only they see it
 * @param file     the stored copy, alone in its own folder (its result files go beside it)
 * @param name     the file's name as uploaded, for display only
 * @param sheet    the workbook sheet; null: the first visible one with pin columns
 * @param account  the account of rows that name none; null: none
 * @param board    the board of rows that name none; null: none
 * @param timezone the zone of publish times written without one
 * @param dateFormat the pattern of publish times written another way (--date-format); null: the usual forms
 * @param encoding the CSV's character encoding (--encoding); null: detected
 * @param mapping  the column mapping's YAML (as a --mapping file holds it); null: the built-in one
 * @param spread   spread pins beyond an account's caps over later slots
 * @param retry    the file is an earlier result file whose INVALID and FAILED rows are to be sent again
 */
record Upload(String id, String owner, Path file, String name, Instant uploaded, String sheet, String account,
		String board, ZoneId timezone, String dateFormat, String encoding, String mapping, boolean spread,
		boolean retry) {

	/**
	 * How the command line says to send corrected rows ("run again with --retry-failed=<this result file>"), also
	 * when to ("run again later with", "after that", "in an hour or so").
	 */
	private static final Pattern RETRY = Pattern
		.compile("run again( later| after that| in an hour or so)? with --retry-failed(?:=<this result file>)?");

	/** How the command line says to spread pins over free slots, here the review page's button. */
	private static final String SPREAD = "run with --spread";

	/** How the command line says that running it again resumes ("run the same command later to resume"). */
	private static final Pattern RESUME = Pattern.compile("run the same command(?: again)?( later)?(?: to resume)?");

	/**
	 * How the command line says to read a workbook's other sheet ("give --sheet=April to send its pins", the option
	 * single-quoted for a name with spaces or quotes). No repeated group: a forged sheet name of 100,000 characters
	 * overflowed the stack with one.
	 */
	/**
	 * A date that reads both ways: the command line's two options (its forms day first, then month first), here the
	 * review page's two buttons.
	 */
	static final Pattern DATE_ORDER = Pattern.compile(
			"pass --date-format=(.+?) \\(day first\\) or --date-format=(.+?) \\(month first\\)");

	/** A run's key after its row count: "processing pins.csv (3 rows, run 61adf8c39de19fc2...)". */
	private static final Pattern RUN_KEY = Pattern.compile(", run [0-9a-f]{16,64}\\)");

	/** How many requests the look-ups before the first pin took: " (2 requests to Zernio)". */
	private static final Pattern LOOK_UPS = Pattern.compile(" \\(\\d+ requests? to Zernio\\)");

	/** A time in UTC as messages write it ("2026-12-24T14:00:00Z", "frees up at 2026-12-08T21:48Z"). */
	private static final Pattern UTC_TIME = Pattern
		.compile("\\b(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z)(?: \\(UTC\\))?");

	private static final Pattern OTHER_SHEET = Pattern
		.compile("give (?:--sheet=\\S+|'--sheet=.*?') to send (its|their) pins");

	/** The command line's mapping and board options in its advice, as the upload form's boxes. */
	private static final Map<String, String> FORM_FIELDS = Map.ofEntries(
			Map.entry("map your headers with --mapping=FILE, e.g. save these lines as mapping.yml",
					"map your headers: paste these lines in the Column mapping box of the upload form and upload the"
							+ " file again"),
			Map.entry("(or give --mapping=FILE)", "(or give a column mapping on the upload form)"),
			Map.entry("map it with --mapping", "map it in the Column mapping box of the upload form"),
			Map.entry("(or give --mapping=FILE, FILE holding the line", "(or paste in the Column mapping box of the"
					+ " upload form the line"),
			Map.entry("give --mapping=FILE with the line",
					"paste in the Column mapping box of the upload form the line"),
			Map.entry("with --board=NAME", "in the Board box of the upload form"),
			Map.entry("and no --board default was given", "and no Board was given on the upload form"),
			Map.entry("or run with --board=NAME_OR_ID", "or give one in the Board box of the upload form"),
			// an upload is the spreadsheet alone: files beside it on someone's computer are not on the server
			Map.entry(" (the input file's folder, or --media-root) — put it there (a copy, not a hard link) and give"
					+ " its path relative to the input file, or give an https URL", " — an upload is the spreadsheet alone, without the files"
							+ " beside it: give the media's https URL"),
			Map.entry(", or give a local file's path", ""),
			Map.entry(" or give a local file path", ""),
			// the upload form's Date format box is the command line's option
			Map.entry(", or pass the column's own form as --date-format (a java.time pattern, e.g.", ", or write the"
					+ " column's own form in the Date format box of the upload form and upload the file again (e.g."),
			Map.entry("dates as --date-format ", "dates in the Date format "),
			// the Encoding box, for a file whose encoding the review could not tell
			Map.entry("give the file's encoding with --encoding=NAME", "give the file's encoding in the Encoding box of"
					+ " the upload form and upload the file again"),
			Map.entry("give it with --encoding=NAME (e.g. --encoding=windows-1252)", "give it in the Encoding box of"
					+ " the upload form (e.g. windows-1252) and upload the file again"),
			Map.entry("give --encoding=UTF-16LE, or UTF-16BE", "give UTF-16LE, or UTF-16BE, in the Encoding box of the"
					+ " upload form"),
			Map.entry("leave --encoding out", "leave the Encoding box empty"),
			Map.entry("; if that looks wrong, give --encoding=NAME", "; if that looks wrong, give the file's encoding in"
					+ " the Encoding box of the upload form and upload the file again"),
			Map.entry(" (--encoding)", " (the Encoding box)"));

	/** Beside the upload; an uploaded file's stored name never starts with a dot, so the two cannot meet. */
	static final String MAPPING_FILE = ".column-mapping.yml";

	/** The same file read with another sheet. */
	Upload withSheet(String chosen) {
		return new Upload(id, owner, file, name, uploaded, chosen, account, board, timezone, dateFormat, encoding,
				mapping, spread, retry);
	}

	/** The same file with one board for the rows that name none (the upload form's Board box). */
	Upload withBoard(String chosen) {
		return new Upload(id, owner, file, name, uploaded, sheet, account, chosen, timezone, dateFormat, encoding,
				mapping, spread, retry);
	}

	/** The same file with its dates read in this form (the upload form's Date format box). */
	Upload withDateFormat(String chosen) {
		return new Upload(id, owner, file, name, uploaded, sheet, account, board, timezone, chosen, encoding,
				mapping, spread, retry);
	}

	/** The same file planned with its pins spread over free slots (or not). */
	Upload withSpread(boolean chosen) {
		return new Upload(id, owner, file, name, uploaded, sheet, account, board, timezone, dateFormat, encoding,
				mapping, chosen, retry);
	}

	Path folder() {
		return file.getParent();
	}

	/** The stored column mapping, for the run; null: none given. */
	Path mappingFile() {
		return mapping == null ? null : folder().resolve(MAPPING_FILE);
	}

	/** The mapping its rows are read with, also when the result file is read back (it keeps the upload's headers). */
	ColumnMapping columnMapping() {
		return ColumnMapping.of(mappingFile());
	}

	/**
	 * A line about this upload as its users see it: the file's name, not the server's folder it is kept in, and the
	 * mapping as the form's field.
	 */
	private String inZone(String utc) {
		try {
			// (with or without its seconds, which Instant.parse wants)
			return ResultTable.shown(OffsetDateTime.parse(utc).toInstant(), timezone == null ? ZoneOffset.UTC
					: timezone);
		}
		catch (DateTimeParseException notATime) {
			return utc; // a month 13 in a message: as written
		}
	}

	String shown(String line) {
		if (line == null || file == null) {
			return line;
		}
		String shown = KeyRefusal.shown(line)
			.replace(folder().resolve(MAPPING_FILE).toString(), "the Column mapping box")
			.replace(file.toString(), name) // the file as the person named it, not as it is stored
			.replace(folder() + folder().getFileSystem().getSeparator(), "")
			.replace(folder().toString(), "the upload's folder"); // the server's folders are not the user's news
		// the review's own buttons, before the upload form's boxes that say the same more generally
		shown = shown.replace("(or name one board for every row with --board=NAME)",
				"(or give one board for every row in the Board for every row box)");
		shown = DATE_ORDER.matcher(shown).replaceAll("press Day first or Month first on the review page");
		for (Map.Entry<String, String> field : FORM_FIELDS.entrySet()) {
			shown = shown.replace(field.getKey(), field.getValue());
		}
		// its sheet option is, here, the review page's choice of sheet
		shown = OTHER_SHEET.matcher(shown).replaceAll(sheet -> "choose " + (sheet.group(1).equals("its") ? "it"
				: "each") + " with Read this sheet to send " + sheet.group(1) + " pins");
		shown = shown.replace("choose another with --sheet=NAME", "choose another below with Read this sheet");
		// a run's key names its job instance, for those who read the job repository, and the count of requests the
		// look-ups took is the pace's: nothing a person acts on here
		shown = RUN_KEY.matcher(shown).replaceAll(")");
		shown = LOOK_UPS.matcher(shown).replaceAll("");
		// a time the command line gives in UTC, here in the upload's zone, as the rows' publish times are
		shown = UTC_TIME.matcher(shown).replaceAll(time -> Matcher.quoteReplacement(inZone(time.group(1))));
		// the command line's way to resume is, here, the upload's Send
		shown = RESUME.matcher(shown).replaceAll(resume -> "send the file again" + (resume.group(1) == null ? ""
				: " later") + " from its upload page to go on where it stopped");
		// and its way to send corrected rows is an upload of the result file, the form's box ticked
		shown = shown.replace(SPREAD, "press Spread publish times on the review page")
			.replace("they would fail " + CapAdvice.ERROR_CODE + "; --spread schedules them in free slots",
					"they would fail; Spread publish times schedules them in free slots")
			.replace("--spread moves them to free slots", "spreading moves them to free slots");
		return RETRY.matcher(shown).replaceAll(retry -> "upload the result file again" + (retry.group(1) == null ? ""
				: retry.group(1)) + " with 'This is a corrected result file' ticked");
	}
}
