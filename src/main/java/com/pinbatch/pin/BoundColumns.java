package com.pinbatch.pin;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.pinbatch.input.FormulaAddress;
import com.pinbatch.input.InputRow;

/** A {@link ColumnMapping} applied to one file's headers: turns that file's rows into {@link PinDraft}s. */
public final class BoundColumns {

	/** Fields holding a URL: curly quotes a spreadsheet's autocorrect put around one are removed. */
	static final Set<PinField> URL_FIELDS = Collections.unmodifiableSet(EnumSet.of(PinField.MEDIA_URL, PinField.LINK,
			PinField.COVER_IMAGE_URL));

	/**
	 * The headers versions before 2026-12 read as publish_at ({@link HeaderKey} form); a content calendar's "Date" was
	 * not among them, and its pins were published at once. A row dated by another column is looked for under its
	 * undated identity too ({@link PinIdentity#formerly}), so that a pin such a version published is not created a
	 * second time.
	 */
	private static final Set<String> DATE_HEADERS_READ_BEFORE = Set.of("publishat", "publishdate", "publishtime",
			"scheduledat", "scheduledfor", "schedule", "datedepublication", "veroffentlichungsdatum",
			"fechadepublicacion", "datadipubblicazione", "datadepublicacao", "publicatiedatum");

	/**
	 * Fields matched or read as names and dates, whose direction marks around them and spaces of any kind are
	 * plain: a cell holding them was refused (not found, not a date), never sent. Text and addresses, which were
	 * sent with them, keep them: a pin's identity is made of them (a changed one would be created again).
	 */
	private static final Set<PinField> NAMES_AND_DATES = Collections.unmodifiableSet(EnumSet.of(PinField.BOARD,
			PinField.ACCOUNT, PinField.PUBLISH_AT, PinField.TIMEZONE));

	/** "09:30", "9 PM": a cell that gives a time of day. */
	private static final Pattern HAS_TIME_OF_DAY = Pattern.compile("\\d:\\d|\\d\\s*[ap]\\.?m\\b",
			Pattern.CASE_INSENSITIVE);

	private final List<String> headers;

	/** The fields that come from columns earlier versions did not read ("Date", a name of the fallback list). */
	private final Set<PinField> newlyRead;

	/** The fields filled by a name of the fallback list. */
	private final Set<PinField> byFallback;

	private final Map<PinField, Integer> columnByField;

	/** The user's header per mapped field, in the file's column order (messages report problems in that order). */
	private final Map<PinField, String> columnNames;

	/** @param byFallback the fields filled by a name of the fallback list ({@link ColumnMapping}) */
	BoundColumns(List<String> headers, Map<PinField, Integer> columnByField, Set<PinField> byFallback) {
		this.headers = List.copyOf(headers);
		this.columnByField = Collections.unmodifiableMap(new EnumMap<>(columnByField));
		Map<Integer, PinField> fieldByColumn = new TreeMap<>();
		columnByField.forEach((field, column) -> fieldByColumn.put(column, field));
		Map<PinField, String> names = new LinkedHashMap<>();
		fieldByColumn.forEach((column, field) -> names.put(field, shown(headers.get(column))));
		String time = names.remove(PinField.PUBLISH_TIME);
		if (time != null) {
			// messages about the publish time name both columns: "Date and Time '2027-03-01 9h30' is not a date..."
			names.put(PinField.PUBLISH_AT, names.get(PinField.PUBLISH_AT) + " and " + time);
		}
		this.columnNames = Collections.unmodifiableMap(names);
		Integer dateColumn = columnByField.get(PinField.PUBLISH_AT);
		this.byFallback = byFallback.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(byFallback));
		Set<PinField> newer = EnumSet.noneOf(PinField.class);
		newer.addAll(byFallback);
		if (dateColumn != null && !dateReadBefore(headers.get(dateColumn))) {
			newer.add(PinField.PUBLISH_AT);
		}
		this.newlyRead = Collections.unmodifiableSet(newer);
	}

	/**
	 * A header as messages name it: on one line ("Publish date\n(dd/mm/yyyy)", a workbook's wrapped header, split
	 * each message that named it over two lines).
	 */
	static String shown(String header) {
		return LINE_BREAKS.matcher(header.strip()).replaceAll(" ");
	}

	private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

	/** Whether versions before 2026-12 read the header as publish_at ({@link #DATE_HEADERS_READ_BEFORE}). */
	static boolean dateReadBefore(String header) {
		return DATE_HEADERS_READ_BEFORE.contains(HeaderKey.of(header));
	}

	/**
	 * The row's mapped cells, without control characters, trimmed of spaces and invisible characters of every kind
	 * (non-breaking, zero-width), URLs of the quotes around them; empty cells are left out.
	 */
	public PinDraft draft(InputRow row) {
		Map<PinField, String> values = new EnumMap<>(PinField.class);
		Set<PinField> numeric = EnumSet.noneOf(PinField.class);
		columnByField.forEach((field, column) -> {
			if (field == PinField.PUBLISH_TIME) {
				return; // joined to the date below
			}
			String value = CellText.trim(CellText.withoutControls(row.value(column)));
			if (URL_FIELDS.contains(field)) {
				value = CellText.unquoteUrl(CellText.withoutTextMarker(value));
			}
			// ="918273645500000002": an id kept from rounding, ="00042 ...": a text kept from Excel's changes; Excel
			// shows the text alone, and exporters write any cell so
			value = CellText.unwrapTextFormula(value);
			if (URL_FIELDS.contains(field)) {
				value = FormulaAddress.orCell(value, field != PinField.LINK);
			}
			if (field == PinField.PUBLISH_AT) {
				value = CellText.asDate(CellText.withoutTextMarker(value));
			}
			else if (NAMES_AND_DATES.contains(field)) {
				value = CellText.asNameOrDate(value);
			}
			if (!value.isEmpty()) {
				values.put(field, value);
			}
			if (row.isNumericCell(column)) {
				numeric.add(field);
			}
		});
		Integer timeColumn = columnByField.get(PinField.PUBLISH_TIME);
		if (timeColumn != null) {
			joinTime(values, CellText.asDate(CellText.withoutTextMarker(CellText.trim(CellText.withoutControls(
					row.value(timeColumn))))));
		}
		Set<PinField> newlyReadHere = newlyRead.isEmpty() ? Set.of() : EnumSet.copyOf(newlyRead);
		if (!newlyRead.isEmpty()) {
			newlyReadHere.retainAll(values.keySet());
		}
		return new PinDraft(row.rowNumber(), Collections.unmodifiableMap(values), columnNames,
				Collections.unmodifiableSet(numeric), Collections.unmodifiableSet(newlyReadHere));
	}

	private static boolean givesTimeOfDay(String date) {
		return HAS_TIME_OF_DAY.matcher(date).find();
	}

	/** The row's time cell when its date cell gives a time of its own, which stands ({@link #joinTime}); else null. */
	String timeLeftOut(InputRow row) {
		Integer timeColumn = columnByField.get(PinField.PUBLISH_TIME);
		if (timeColumn == null) {
			return null;
		}
		String time = CellText.trim(CellText.withoutControls(row.value(timeColumn)));
		String date = row.value(columnByField.get(PinField.PUBLISH_AT));
		return !time.isEmpty() && givesTimeOfDay(date) ? time : null;
	}

	/**
	 * A content calendar's time column joins its date ("2027-03-01" and "9:30 PM"), and the pair is read as one
	 * publish time from then on (its checks, its identity, the order of its dates). A time without a date stays a
	 * time, which the date check refuses; the header row repeated stays the header.
	 */
	private void joinTime(Map<PinField, String> values, String time) {
		if (time.isEmpty()) {
			return;
		}
		String date = values.getOrDefault(PinField.PUBLISH_AT, "");
		if (givesTimeOfDay(date)) {
			return; // the date cell's own time stands, as before time columns were read ("Publish date" and "Time")
		}
		String dateHeader = headers.get(columnByField.get(PinField.PUBLISH_AT)).strip();
		String timeHeader = headers.get(columnByField.get(PinField.PUBLISH_TIME)).strip();
		if (date.equalsIgnoreCase(dateHeader) && time.equalsIgnoreCase(timeHeader)) {
			values.put(PinField.PUBLISH_AT, columnNames.get(PinField.PUBLISH_AT));
			return;
		}
		// either may be the number a spreadsheet keeps for it (46480, 0.583333), saved as text by a CSV export
		values.put(PinField.PUBLISH_AT, date.isEmpty() ? time
				: ExcelSerialDate.asDateAlone(date) + " " + ExcelSerialDate.asTimeAlone(time));
	}

	/** The row's cell for {@code field} exactly as the file gives it, or null when no column fills the field. */
	public String cell(InputRow row, PinField field) {
		Integer column = columnByField.get(field);
		return column == null ? null : row.value(column);
	}

	/** The header of the column that fills {@code field}, as given, or null. */
	public String header(PinField field) {
		Integer column = columnByField.get(field);
		return column == null ? null : headers.get(column);
	}

	/** Whether the column of {@code field} has a name of the fallback list ("Bild-URL", "Website"). */
	public boolean byFallback(PinField field) {
		return byFallback.contains(field);
	}

	/** Whether the file has a column for {@code field}. */
	public boolean has(PinField field) {
		return columnByField.containsKey(field);
	}

	/** All headers of the file, as given, mapped or not. */
	public List<String> headers() {
		return headers;
	}

	/** The columns with a header that fill no field, by index. */
	public List<Integer> unusedColumns() {
		return IntStream.range(0, headers.size())
			.filter(i -> !columnByField.containsValue(i) && !headers.get(i).isBlank())
			.boxed()
			.toList();
	}

	/** Headers that fill no field; their cells only travel to the result file. */
	public List<String> unknownHeaders() {
		return IntStream.range(0, headers.size())
			.filter(i -> !columnByField.containsValue(i))
			.mapToObj(headers::get)
			.toList();
	}
}
