package com.pinbatch.pin;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.Formats;

/**
 * Names what a spreadsheet program did to a file's cells before it was saved, once per kind with its first row, so
 * a user sees what pinbatch read: dates saved as serial numbers (read as dates), TRUE/FALSE where text belongs,
 * curly quotes in URLs (removed around a URL, named inside one), and ids kept in number cells, which lose their
 * leading zeros (a number cell formatted "00000" reads as the zero-padded text it shows, so it is not named), and
 * the ? a CSV saved in a code page writes for the letters it lacks, and control characters (removed).
 * Feed it every row in the pre-scan.
 */
public final class SpreadsheetDamage {

	private static final Set<PinField> TEXT_FIELDS = Set.of(PinField.TITLE, PinField.DESCRIPTION, PinField.ALT_TEXT,
			PinField.BOARD, PinField.LINK, PinField.MEDIA_URL, PinField.KEYWORDS);

	/** Columns that hold names or ids, never quantities: a number cell there may have lost leading zeros. */
	private static final Set<PinField> ID_FIELDS = Set.of(PinField.BOARD, PinField.ACCOUNT);

	/** A whole number Excel can hold exactly (more digits are id_precision_lost, the validator's). */
	private static final Pattern WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,14}");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final BoundColumns columns;

	/** Kind of damage to its note, in the order first seen. */
	private final Map<Kind, String> first = new EnumMap<>(Kind.class);

	private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

	private final boolean savedAsUnicode;

	private enum Kind {
		SERIAL_DATE, TIME_LEFT_OUT, YES_NO, QUOTED_URL, CURLY_QUOTE_IN_URL, URL_AS_BROWSERS_SEND, LEADING_ZEROS,
		LOST_LETTERS, CONTROL_CHARACTERS, TEXT_FORMULA
	}

	/**
	 * Texts where a ? stands for letters: inside a word (Wroc?aw), two or more as a word (?? for 你好), or one alone
	 * before a word that goes on in lower case (an emoji: "coffee ? vibes"; a question ends "why?", and a French one
	 * "vraiment ? Oui"), or one that starts the text, before a word (a text begins with no question mark).
	 */
	private static final Pattern LOST_LETTERS = Pattern
		.compile("\\p{L}\\?+\\p{L}|(^|\\s)\\?{2,}(\\s|$)|(^|\\s)\\?(?=\\s+\\p{Ll})|^\\?(?=\\s+\\p{L})");

	/** Texts a person writes, where a ? between letters is no URL's query. */
	private static final Set<PinField> PROSE_FIELDS = Set.of(PinField.TITLE, PinField.DESCRIPTION, PinField.ALT_TEXT,
			PinField.BOARD, PinField.KEYWORDS);

	/**
	 * @param savedAsUnicode whether the file shows it was saved in Unicode ({@code RowSource#savedAsUnicode}): its ?
	 *                       were typed so (a question in French, "tu viens ? on y va"; a web address in a text)
	 */
	public SpreadsheetDamage(BoundColumns columns, boolean savedAsUnicode) {
		this.columns = columns;
		this.savedAsUnicode = savedAsUnicode;
	}

	public void accept(InputRow row, PinDraft draft) {
		String publishAt = draft.get(PinField.PUBLISH_AT);
		ExcelSerialDate.read(publishAt).ifPresent(date -> found(Kind.SERIAL_DATE, Formats.plain(
				"%s row %d: '%s' is a spreadsheet's serial date number, read as %s; format the column as dates or"
						+ " text in the spreadsheet to keep it readable", draft.columnName(PinField.PUBLISH_AT),
				row.rowNumber(), publishAt, date.time() == null ? date.date().toString()
						: date.date().atTime(date.time()).format(SHOWN))));
		String timeLeftOut = columns.timeLeftOut(row);
		if (timeLeftOut != null) {
			found(Kind.TIME_LEFT_OUT, Formats.plain("%s row %d gives its own time (%s): its %s '%s' is not used",
					columns.header(PinField.PUBLISH_AT).strip(), row.rowNumber(), publishAt,
					columns.header(PinField.PUBLISH_TIME).strip(), timeLeftOut));
		}
		for (PinField field : TEXT_FIELDS) {
			String value = draft.get(field);
			if (value.equals("TRUE") || value.equals("FALSE")) {
				found(Kind.YES_NO, Formats.plain("%s row %d is %s: a spreadsheet turned the cell into a yes/no value;"
						+ " check it, and format the column as text", draft.columnName(field), row.rowNumber(), value));
			}
		}
		if (!savedAsUnicode) {
			lostLetters(row, draft);
		}
		for (PinField field : PinField.ALL) {
			String cell = columns.cell(row, field);
			if (cell != null && CellText.hasControl(cell)) {
				found(Kind.CONTROL_CHARACTERS, Formats.plain("%s row %d holds control characters (%s), which a pin"
						+ " would carry unseen: they were removed", draft.columnName(field), row.rowNumber(),
						controls(cell)));
				break;
			}
		}
		for (PinField field : PinField.ALL) {
			String written = columns.cell(row, field);
			// only a cell holding =" can be the idiom: the others are not trimmed for nothing
			String cell = written == null || written.indexOf("=\"") < 0 ? null : CellText.trim(written);
			// an id kept so is no news: it is the id as written
			if (cell != null && !ID_FIELDS.contains(field) && !CellText.unwrapTextFormula(cell).equals(cell)) {
				found(Kind.TEXT_FORMULA, Formats.plain("%s row %d is written %s, Excel's way of keeping a text as"
						+ " written: read as the text alone, as Excel shows it", draft.columnName(field), row.rowNumber(),
						cell));
				break;
			}
		}
		for (PinField field : ID_FIELDS) {
			String value = draft.get(field);
			if (draft.numericFields().contains(field) && WHOLE_NUMBER.matcher(value).matches()) {
				found(Kind.LEADING_ZEROS, Formats.plain("%s row %d: '%s' is a number cell, and a spreadsheet drops"
						+ " the leading zeros of numbers; if it began with 0, format the column as Text and retype it",
						draft.columnName(field), row.rowNumber(), value));
			}
		}
		for (PinField field : BoundColumns.URL_FIELDS) {
			String cell = columns.cell(row, field);
			String value = draft.get(field);
			if (CellText.hasCurlyQuote(value)) {
				found(Kind.CURLY_QUOTE_IN_URL, Formats.plain("%s row %d: the URL holds curly quotes (%s), which"
						+ " autocorrect types for straight ones; retype it without them", draft.columnName(field),
						row.rowNumber(), value));
			}
			else if (cell != null && !CellText.trim(cell).equals(value)) {
				found(Kind.QUOTED_URL, Formats.plain("%s row %d: the quotes around the URL (%s) were removed",
						draft.columnName(field), row.rowNumber(), CellText.trim(cell)));
			}
			WebAddress.withHttps(value).ifPresent(sent -> found(Kind.URL_AS_BROWSERS_SEND, Formats.plain(
					"%s row %d: '%s' has no https:// in front: it is sent as %s, as a browser opens it",
					draft.columnName(field), row.rowNumber(), value, sent)));
			if (WebAddress.typedLoosely(value) && WebAddress.hasScheme(value) && WebAddress.parse(value).isEmpty()) {
				WebAddress.browserForm(value).ifPresent(sent -> found(Kind.URL_AS_BROWSERS_SEND, Formats.plain(
						"%s row %d: '%s' holds spaces or characters a web address cannot hold as typed: it is sent"
								+ " as %s, as a browser sends it", draft.columnName(field), row.rowNumber(), value,
						sent)));
			}
		}
	}

	/** A ? where letters belong, in the first of the row's texts that holds one. */
	private void lostLetters(InputRow row, PinDraft draft) {
		for (PinField field : PROSE_FIELDS) {
			String value = draft.get(field);
			if (value.indexOf('?') < 0) {
				continue; // most cells: no matcher made
			}
			Matcher lost = LOST_LETTERS.matcher(value);
			if (lost.find()) {
				found(Kind.LOST_LETTERS, Formats.plain("%s row %d: '%s' has ? where letters belong: a spreadsheet saved"
						+ " as CSV in its code page writes ? for the letters that code page lacks; save the file as"
						+ " \"CSV UTF-8\" (or as XLSX) and run again", draft.columnName(field), row.rowNumber(),
						around(value, lost.start(), lost.end())));
				return;
			}
		}
	}

	/** "U+0007, U+001B": the control characters a cell holds, each once. */
	private static String controls(String cell) {
		return cell.chars()
			.filter(CellText::isControl)
			.distinct()
			.limit(5)
			.mapToObj(c -> String.format(Locale.ROOT, "U+%04X", c))
			.collect(Collectors.joining(", "));
	}

	/** The words around a place in a text (a description may be 500 characters long). */
	private static String around(String text, int start, int end) {
		int from = Math.max(0, start - 25);
		int to = Math.min(text.length(), end + 25);
		// not between the two halves of an emoji
		from -= from > 0 && Character.isLowSurrogate(text.charAt(from)) ? 1 : 0;
		to += to < text.length() && Character.isLowSurrogate(text.charAt(to)) ? 1 : 0;
		return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
	}

	/** One line per kind of damage seen, with how many rows show it. */
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		first.forEach((kind, note) -> {
			long more = counts.get(kind) - 1;
			notes.add(more > 0 ? note + " (and " + more + " more " + (more == 1 ? "row" : "rows") + ")" : note);
		});
		return notes;
	}

	private void found(Kind kind, String note) {
		first.putIfAbsent(kind, note);
		counts.merge(kind, 1L, Long::sum);
	}
}
