package com.pinbatch.pin;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A row after column mapping, before validation: the raw text per pin field.
 *
 * @param rowNumber      spreadsheet row number
 * @param values         trimmed text per field; fields whose column is absent or empty are missing
 * @param columnNames    the user's header for each mapped field (for messages)
 * @param numericFields  fields whose cell the file stored as a number (XLSX)
 * @param newlyRead      the fields of the row that come from a column earlier versions did not read: "Date"
 *                       ({@link BoundColumns#dateReadBefore}; they published such a row at once), a name of the
 *                       fallback list ("Website"; they sent the pin without it); only fields the row fills
 */
public record PinDraft(long rowNumber, Map<PinField, String> values, Map<PinField, String> columnNames,
		Set<PinField> numericFields, Set<PinField> newlyRead) {

	public PinDraft(long rowNumber, Map<PinField, String> values, Map<PinField, String> columnNames,
			Set<PinField> numericFields) {
		this(rowNumber, values, columnNames, numericFields, Set.of());
	}

	/** Whether the row's publish time comes from a column versions before 2026-12 did not read. */
	public boolean dateNewlyRead() {
		return newlyRead.contains(PinField.PUBLISH_AT);
	}

	/** The row as earlier versions read it: without the fields they did not read. */
	public PinDraft asReadBefore() {
		Map<PinField, String> before = new EnumMap<>(PinField.class);
		before.putAll(values);
		before.keySet().removeAll(newlyRead);
		return new PinDraft(rowNumber, before, columnNames, numericFields);
	}

	public String get(PinField field) {
		// get, not getOrDefault: Map's default getOrDefault is one call site for every map type, which the JIT
		// cannot inline; this was the hottest line of a dry run's validation
		String value = values.get(field);
		return value == null ? "" : value;
	}

	/** The row's value, else the fallback (e.g. --board for a row without a board), else empty. */
	public String getOr(PinField field, String fallback) {
		String value = get(field);
		if (!value.isEmpty()) {
			return value;
		}
		return fallback == null ? "" : fallback.trim();
	}

	public boolean has(PinField field) {
		return !get(field).isEmpty();
	}

	public String columnName(PinField field) {
		return columnNames.getOrDefault(field, field.column());
	}

	/**
	 * Whether the row is the header row again (two files pasted one under the other leave one at the join): two
	 * cells at least, each its own column's header, whatever the case.
	 */
	public boolean repeatsHeader() {
		if (values.size() < 2) {
			return false;
		}
		for (Map.Entry<PinField, String> value : values.entrySet()) {
			if (!value.getValue().equalsIgnoreCase(columnNames.get(value.getKey()))) {
				return false;
			}
		}
		return true;
	}
}
