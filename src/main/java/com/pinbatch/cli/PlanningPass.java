package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.pin.BoundColumns;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.Pin;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinField;
import com.pinbatch.pin.PinValidator;
import com.pinbatch.pin.Validation;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.CapacityPlan;
import com.pinbatch.plan.PlannedRow;
import com.pinbatch.plan.SpreadPlanner;
import com.pinbatch.plan.SpreadSettings;
import com.pinbatch.plan.SpreadSummary;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.BoardNeeds;

/**
 * Validates every row once more, now that the date column's order is known, to plan before anything is sent: the
 * valid pins per account and day against the accounts' publishing caps, with {@code --spread} later slots for the
 * pins beyond a cap, with {@code --check-media} the distinct media URLs to ask for, and the accounts and boards to
 * look up on Zernio.
 */
final class PlanningPass {

	/**
	 * @param lines the plan to print
	 * @param slots new publish instants of rows moved by --spread (empty without it)
	 * @param media the distinct remote media of valid rows, when asked for (memory grows with them)
	 * @param boards the accounts and boards the rows name, to look up before the first pin is sent
	 */
	record Outcome(List<String> lines, Map<Long, Instant> slots, Set<Media> media, BoardNeeds boards) {
	}

	private PlanningPass() {
	}

	/**
	 * @param undatedCount whether pins without a date publish now and so count against the caps (not for drafts or
	 *                     the queue)
	 */
	static Outcome run(Path file, InputOptions options, ColumnMapping mapping, ValidationSettings validation,
			SpreadSettings spread, boolean spreading, boolean undatedCount, boolean collectMedia, Instant start) {
		ZoneId zone = validation.zone();
		CapacityPlan plan = new CapacityPlan(spread.caps(), start, zone);
		List<PlannedRow> planned = new ArrayList<>();
		Map<String, String> accountNames = new HashMap<>();
		Set<Media> media = new LinkedHashSet<>();
		BoardNeeds boards = new BoardNeeds();
		PinValidator validator = new PinValidator(validation);
		try (RowSource source = RowSources.open(file, options)) {
			BoundColumns columns = mapping.bind(source.headers());
			for (InputRow row = source.next(); row != null; row = source.next()) {
				PinDraft draft = columns.draft(row);
				if (row.prior() == null || !RowStatus.isOnZernio(row.prior().status())) {
					// invalid rows too: the job resolves their boards as well, to name every problem of the row
					boards.add(draft.getOr(PinField.ACCOUNT, validation.defaultAccount()),
							draft.getOr(PinField.BOARD, validation.defaultBoard()));
				}
				Validation result = validator.validate(draft);
				if (!result.isValid()) {
					continue;
				}
				Pin pin = result.pin();
				if (collectMedia && !pin.media().local()) {
					media.add(pin.media());
				}
				if (pin.publishAt() == null && !undatedCount) {
					continue;
				}
				String account = accountNames.computeIfAbsent(accountOf(pin), name -> name);
				plan.add(pin.rowNumber(), account, pin.publishAt());
				if (spreading) {
					planned.add(new PlannedRow(pin.rowNumber(), account, pin.publishAt()));
				}
			}
		}
		List<String> lines = new ArrayList<>(plan.describe());
		if (!spreading) {
			return new Outcome(lines, Map.of(), media, boards);
		}
		Map<Long, Instant> slots = new SpreadPlanner().plan(planned, spread, start, zone);
		lines.addAll(SpreadSummary.lines(planned, slots, zone));
		return new Outcome(lines, slots, media, boards);
	}

	/** Rows name accounts as they like; the same account written the same way is counted together. */
	private static String accountOf(Pin pin) {
		if (pin.account() != null && !pin.account().isBlank()) {
			return pin.account().trim().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
		}
		return "(account of board " + pin.board() + ")";
	}
}
