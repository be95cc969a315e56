package com.pinbatch.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --spread}: gives the pins that would pass their account's caps a later publish slot instead of letting
 * them fail at the cap.
 * <p>
 * Per account, rows are taken in input order and each keeps its own time (its date, or "now" for an undated row,
 * counted at the run's start) while that keeps the account within its caps. The rows left over are scheduled on
 * the slots of a {@link SlotGrid} (evenly spaced, within the posting hours), never before their own date, each on
 * the first free slot after the previous one, so they keep their order: by requested time, then input order.
 * Accounts never affect each other.
 * <p>
 * The plan is a pure function of its arguments, so a restart that passes the job's first start time gets the same
 * slots. It holds one {@link PlannedRow} per row and, per account, one instant per row; unlike
 * {@link CapacityPlan} it cannot stream, because a row's slot depends on the rows after it in time.
 */
public final class SpreadPlanner {

	/**
	 * The new publish instant of every row that was moved; rows that keep their own time are absent.
	 *
	 * @param start the job's first start, which undated rows count at; also the earliest slot
	 * @param zone  the run's zone, for calendar days and posting hours
	 */
	public Map<Long, Instant> plan(List<PlannedRow> rows, SpreadSettings settings, Instant start, ZoneId zone) {
		return plan(rows, settings, start, zone, Map.of());
	}

	/** @param taken when the accounts' pins already on Zernio publish (or published), by account: no slot of theirs */
	public Map<Long, Instant> plan(List<PlannedRow> rows, SpreadSettings settings, Instant start, ZoneId zone,
			Map<String, List<Instant>> taken) {
		Map<String, List<PlannedRow>> byAccount = new LinkedHashMap<>();
		for (PlannedRow row : rows) {
			byAccount.computeIfAbsent(row.account(), account -> new ArrayList<>()).add(row);
		}
		Map<Long, Instant> moved = new TreeMap<>();
		SlotGrid grid = new SlotGrid(settings, zone);
		for (Map.Entry<String, List<PlannedRow>> account : byAccount.entrySet()) {
			AccountTimeline timeline = new AccountTimeline(new CapRule(settings.caps()), zone, true);
			taken.getOrDefault(account.getKey(), List.of()).forEach(timeline::add);
			planAccount(account.getValue(), timeline, grid, start, moved);
		}
		return Collections.unmodifiableMap(moved);
	}

	private static void planAccount(List<PlannedRow> rows, AccountTimeline timeline, SlotGrid grid, Instant start,
			Map<Long, Instant> moved) {
		List<PlannedRow> overCap = new ArrayList<>();
		for (PlannedRow row : rows) {
			Instant own = row.undated() ? start : row.publishAt();
			if (timeline.fits(own)) {
				timeline.add(own);
			}
			else {
				overCap.add(row);
			}
		}
		overCap.sort(Comparator.comparing(row -> earliest(row, start))); // stable: input order among equals
		Instant after = null;
		for (PlannedRow row : overCap) {
			Instant from = earliest(row, start);
			if (after != null && !from.isAfter(after)) {
				from = after.plusNanos(1);
			}
			Instant slot = grid.firstSlotFrom(from);
			while (!timeline.fits(slot)) {
				slot = grid.firstSlotFrom(slot.plusNanos(1));
			}
			timeline.add(slot);
			moved.put(row.rowNumber(), slot);
			after = slot;
		}
	}

	/** A moved pin goes no earlier than asked for, nor before the run. */
	private static Instant earliest(PlannedRow row, Instant start) {
		return row.undated() || row.publishAt().isBefore(start) ? start : row.publishAt();
	}
}
