package com.pinbatch.pin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pinbatch.input.InputRow;
import com.pinbatch.text.ColumnLetters;
import com.pinbatch.text.SafeText;

/**
 * Columns that hold data under an empty header cell: no pin field can come from them, and the "not used" line, which
 * names headers, cannot name them, so a header deleted by mistake would leave its field empty unsaid. Feed it every
 * row in the pre-scan; it looks only at such columns, each until its first value.
 */
public final class HeaderlessColumns {

	private static final int SAMPLE_CHARS = 40;

	/** Columns under an empty header whose first value is still to find. */
	private final List<Integer> unseen = new ArrayList<>();

	/** Column to its first value's note part, in column order once sorted. */
	private final Map<Integer, String> found = new LinkedHashMap<>();

	public HeaderlessColumns(List<String> headers) {
		for (int column = 0; column < headers.size(); column++) {
			if (headers.get(column) == null || headers.get(column).isBlank()) {
				unseen.add(column);
			}
		}
	}

	public void accept(InputRow row) {
		if (unseen.isEmpty()) {
			return;
		}
		unseen.removeIf(column -> {
			String value = row.value(column);
			if (value == null || value.isBlank()) {
				return false;
			}
			String sample = value.strip();
			sample = sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) + "..." : sample;
			found.put(column, ColumnLetters.of(column) + " ('" + SafeText.line(sample) + "' in row " + row.rowNumber()
					+ ")");
			return true;
		});
	}

	/** {@code column D ('Oak' in row 2) holds data under an empty header cell, ...}; none when no such column has. */
	public List<String> notes() {
		if (found.isEmpty()) {
			return List.of();
		}
		List<String> columns = found.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
			.toList();
		return List.of((columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns) + " hold"
				+ (columns.size() == 1 ? "s" : "") + " data under an empty header cell, so "
				+ (columns.size() == 1 ? "it is" : "they are") + " not read: give "
				+ (columns.size() == 1 ? "it a header if it holds" : "them headers if one holds") + " a pin field");
	}
}
