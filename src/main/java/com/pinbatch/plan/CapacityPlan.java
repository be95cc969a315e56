package com.pinbatch.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Foresees, before anything is sent, which pins the sender will refuse at their account's caps: per account (as
 * resolved from the rows' account or board), in input order, each pin keeps its time (its date, or the run's start
 * for one published at once) when the {@link CapRule} the sender holds lets it, and is refused otherwise, as the
 * sender would. Memory grows with the accounts, the distinct publish instants and the refused rows.
 */
public final class CapacityPlan {

	/**
	 * A row the sender would refuse. Its message is made when asked for: a large file over a cap has as many of
	 * these as refused rows, and those published at once share one.
	 *
	 * @param account   the account's name as printed (its username)
	 * @param cap       the cap it passes, as printed
	 * @param publishAt the row's publish time, or null when it publishes at once
	 * @param freesAt   for one published at once, when the account has room again (null when not in sight)
	 */
	public record CappedRow(String account, String cap, Instant publishAt, Instant freesAt) {

		/** What the row's result says, the same as the sender's refusal. */
		public String message() {
			return publishAt == null
					? CapAdvice.immediate(account, "would reach its " + cap + " with this row", freesAt)
					: CapAdvice.scheduled(account, CapAdvice.noFreeSlot(publishAt, "its " + cap));
		}
	}

	private final CapRule rule;
	private final Instant start;
	private final Map<String, List<Instant>> taken;
	private final Map<String, Tally> tallies = new TreeMap<>();
	private final CappedRows<CappedRow> capped = new CappedRows<>();

	public CapacityPlan(PostingCaps caps, Instant start) {
		this(caps, start, Map.of());
	}

	/** @param taken when the accounts' pins already on Zernio publish (or published), by account as printed */
	public CapacityPlan(PostingCaps caps, Instant start, Map<String, List<Instant>> taken) {
		this.rule = new CapRule(Objects.requireNonNull(caps, "caps"));
		this.start = Objects.requireNonNull(start, "start");
		this.taken = Objects.requireNonNull(taken, "taken");
	}

	/**
	 * Counts one sendable row, in input order; a null {@code publishAt} publishes when sent.
	 *
	 * @return whether the row is within the caps, taking its place (false: refused)
	 */
	public boolean add(long rowNumber, String account, Instant publishAt) {
		Tally tally = tallies.computeIfAbsent(Objects.requireNonNull(account, "account"),
				name -> new Tally(taken.getOrDefault(name, List.of())));
		tally.pins++;
		Instant at = publishAt == null ? start : publishAt;
		CapRule.Cap passed = tally.timeline.passedAt(at);
		if (passed == null) {
			tally.timeline.add(at);
			return true;
		}
		tally.over++;
		tally.passed.add(passed);
		if (tally.firstRowOver == 0) {
			tally.firstRowOver = rowNumber;
		}
		String cap = passed.describe(rule.caps()) + " cap";
		CappedRow refusal = new CappedRow(account, cap, publishAt,
				publishAt == null ? tally.timeline.freesAt(start) : null);
		if (refusal.equals(tally.lastRefusal)) {
			refusal = tally.lastRefusal; // rows refused alike share one refusal
		}
		tally.lastRefusal = refusal;
		capped.add(rowNumber, refusal);
		return false;
	}

	public boolean add(PlannedRow row) {
		return add(row.rowNumber(), row.account(), row.publishAt());
	}

	/** The rows the sender would refuse at a cap, by row number (read-only). */
	public Map<Long, CappedRow> capped() {
		return capped;
	}

	public boolean withinCaps() {
		return capped.isEmpty();
	}

	public long totalPins() {
		return tallies.values().stream().mapToLong(tally -> tally.pins).sum();
	}

	/**
	 * The plan as printable lines: one per account, then a total.
	 *
	 * @param spreading whether --spread was given: the pins beyond a cap are then moved, not refused, and the line
	 *                  says so rather than advising --spread
	 */
	public List<String> describe(boolean spreading) {
		List<String> lines = new ArrayList<>();
		tallies.forEach((account, tally) -> lines.add(accountLine(account, tally, spreading)));
		long over = tallies.values().stream().filter(tally -> tally.over > 0).count();
		String total = "total: " + pins(totalPins()) + " for " + tallies.size()
				+ (tallies.size() == 1 ? " account" : " accounts");
		if (!tallies.isEmpty()) {
			// "30 pins for 1 account, 1 over its caps" read as one pin over: say which count is meant
			total += over == 0 ? ", within caps"
					: tallies.size() == 1 ? ", over its caps"
							: ", " + over + " of them over " + (over == 1 ? "its" : "their") + " caps";
		}
		lines.add(total);
		return lines;
	}

	private String accountLine(String account, Tally tally, boolean spreading) {
		String line = account + ": " + pins(tally.pins) + ", ";
		if (tally.over == 0) {
			return line + "within caps";
		}
		String caps = tally.passed.stream().map(cap -> cap.describe(rule.caps())).collect(Collectors.joining(" and "));
		return line + tally.over + " over the " + caps + " cap (row " + tally.firstRowOver + " is the first): "
				+ (spreading ? "--spread moves them to free slots"
						: "they would fail " + CapAdvice.ERROR_CODE + "; --spread schedules them in free slots");
	}

	private static String pins(long pins) {
		return pins + (pins == 1 ? " pin" : " pins");
	}

	private final class Tally {

		long pins;
		long over;
		long firstRowOver;
		final Set<CapRule.Cap> passed = EnumSet.noneOf(CapRule.Cap.class);
		CappedRow lastRefusal;
		// the sender's rule exactly: rolling windows only
		final AccountTimeline timeline = new AccountTimeline(rule, ZoneOffset.UTC, false);

		Tally(List<Instant> taken) {
			taken.forEach(timeline::add);
		}
	}
}
