package com.pinbatch.pin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.pinbatch.text.Formats;

/** Collects a row's problems and hands them back in the file's column order (the first one is the row's error code). */
final class ProblemList {

	private record Found(PinField field, ValidationProblem problem) {
	}

	private final PinDraft draft;

	private final List<Found> found = new ArrayList<>();

	ProblemList(PinDraft draft) {
		this.draft = draft;
	}

	/** {@code message} may use {@code %1$s} for the user's column name; {@code args} follow from {@code %2$s}. */
	void add(PinField field, String code, String message, Object... args) {
		String column = draft.columnName(field);
		Object[] all = new Object[args.length + 1];
		all[0] = column;
		System.arraycopy(args, 0, all, 1, args.length);
		found.add(new Found(field, new ValidationProblem(code, column, Formats.plain(message, all))));
	}

	boolean isEmpty() {
		return found.isEmpty();
	}

	boolean has(PinField field) {
		return found.stream().anyMatch(problem -> problem.field() == field);
	}

	/** Problems of mapped columns in the file's order, then those of fields the file has no column for. */
	List<ValidationProblem> inColumnOrder() {
		List<PinField> order = new ArrayList<>(draft.columnNames().keySet());
		for (PinField field : PinField.values()) {
			if (!order.contains(field)) {
				order.add(field);
			}
		}
		// a stable sort: several problems of one column keep the order they were found in
		return found.stream()
			.sorted(Comparator.comparingInt(f -> order.indexOf(f.field())))
			.map(Found::problem)
			.toList();
	}
}
