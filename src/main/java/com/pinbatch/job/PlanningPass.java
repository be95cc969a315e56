package com.pinbatch.job;

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
import java.util.function.Predicate;

import com.pinbatch.input.InputRow;
import com.pinbatch.media.LocalMediaUploader;
import com.pinbatch.media.MediaRejectedException;
import com.pinbatch.pin.DateOrder;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.MediaKind;
import com.pinbatch.pin.Pin;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinField;
import com.pinbatch.pin.PinIdentity;
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
 * Validates every row, with the date order the survey settles, to plan before anything is sent: with
 * {@code --check-media} the distinct media URLs to ask for, the accounts and boards to look up on Zernio, and, once
 * those are known, the pins that will be sent per account (resolved from the row's account or board; valid, not
 * repeating an earlier row, their local files and checked media usable) against the accounts' publishing caps, with
 * {@code --spread} later slots for the pins beyond a cap.
 */
final class PlanningPass {

	/**
	 * What one reading of the file found.
	 *
	 * @param rows   the valid rows that count against their account's caps (memory grows with them, see
	 *               {@link PlanRows})
	 * @param media  the distinct remote media of valid rows, when asked for (memory grows with them)
	 * @param boards the accounts and boards the rows name, to look up before the first pin is sent
	 */
	record Collected(PlanRows rows, Set<Media> media, BoardNeeds boards) {

		/**
		 * The same, less rows found INVALID since they were collected (a row repeating an earlier one, media that
		 * --check-media found unusable): never sent, they take no slot of their account's caps.
		 */
		Collected without(Predicate<RowRef> neverSent) {
			return new Collected(rows.without(neverSent), media, boards);
		}
	}

	/**
	 * A valid row before its account is known: the account and board as the row (or the command line) names them.
	 *
	 * @param checkedMedia the location of its media when --check-media asks for it, else null
	 * @param pin          its pin's identity ({@link PinIdentity#prefix}): a pin another run created is not sent again;
	 *                     0 when not taken (a dry run before any run stored a pin)
	 * @param formerPin    its pin's identity as earlier versions took it ({@link PinIdentity#formerly}), or 0
	 * @param content      a dated row's pin without its time ({@link PinIdentity#content}, prefix): another run's pin
	 *                     of that content waiting to be published is this row's, its date read another way or moved
	 *                     (not sent again); 0 for an undated row, or when not taken
	 * @param retried      whether the row is a line of an earlier result file (--retry-failed), which goes again
	 *                     whatever became of its failed pin
	 */
	record RowRef(long rowNumber, String accountRef, String boardRef, Instant publishAt, String checkedMedia,
			long pin, long formerPin, long content, boolean retried) {
	}

	/** The name of the account a row's pin goes to, or null when its account or board will not resolve. */
	interface AccountNames {

		String of(String accountRef, String boardRef);

		/** Without Zernio (a dry run without a key): the account as the row names it, else its board's. */
		AccountNames AS_WRITTEN = (accountRef, boardRef) -> accountRef != null && !accountRef.isBlank()
				? accountRef.trim().replaceFirst("^@", "").toLowerCase(Locale.ROOT)
				: "(account of board " + boardRef + ")";
	}

	/**
	 * @param lines  the plan to print
	 * @param slots  new publish instants of rows moved by --spread (empty without it)
	 * @param capped rows the sender would refuse at their account's cap (without --spread), by row number
	 * @param counted when the rows that go publish, by account as printed: what they take of the caps
	 */
	record Outcome(List<String> lines, Map<Long, Instant> slots, Map<Long, CapacityPlan.CappedRow> capped,
			Map<String, List<Instant>> counted) {
	}

	private PlanningPass() {
	}

	/**
	 * Collects, row by row, what the plan needs, with the date order it is given. The survey it rides along with
	 * settles the order of dates such as 03/04/2027 only once every row is read: while it is undecided, a row refused
	 * for such a date is also checked day first and month first, and {@link #collected} gives the rows of the order
	 * the survey settled, without reading the file a third time.
	 */
	static final class Collector implements InputInspector.RowVisitor {

		/** The rows whatever the order; every row when it is known. */
		private final Found found;

		/** The rows refused for their undecided date that read day first; null when the order is known. */
		private final Found dayFirst;

		/** The same, month first. */
		private final Found monthFirst;

		/** Whether each local file (by kind and location) can be used. */
		private final Map<String, Boolean> usableFiles = new HashMap<>();

		private final BoardNeeds boards = new BoardNeeds();

		private final ValidationSettings validation;

		private final PinValidator validator;

		private final PinValidator dayFirstValidator;

		private final PinValidator monthFirstValidator;

		private final PinIdentity identities;

		private final boolean undatedCount;

		private final boolean collectMedia;

		/**
		 * @param identities   how to tell the rows' pins, or null to take no identities
		 * @param undatedCount whether pins without a date publish now and so count against the caps
		 */
		Collector(ValidationSettings validation, PinIdentity identities, boolean undatedCount, boolean collectMedia) {
			this.validation = validation;
			this.validator = new PinValidator(validation);
			this.identities = identities;
			this.undatedCount = undatedCount;
			this.collectMedia = collectMedia;
			this.found = new Found(identities != null, collectMedia);
			// with --date-format the user's form reads the dates, whatever the order
			boolean undecided = validation.dateOrder() == DateOrder.AMBIGUOUS && validation.dateFormat() == null;
			this.dayFirst = undecided ? new Found(identities != null, collectMedia) : null;
			this.monthFirst = undecided ? new Found(identities != null, collectMedia) : null;
			this.dayFirstValidator = undecided ? new PinValidator(validation.withDateOrder(DateOrder.DAY_FIRST)) : null;
			this.monthFirstValidator = undecided ? new PinValidator(validation.withDateOrder(DateOrder.MONTH_FIRST))
					: null;
		}

		/** The valid rows and their media, of one date order or whatever the order. */
		private static final class Found {

			private final PlanRows.Builder rows;

			private final Set<Media> media = new LinkedHashSet<>();

			Found(boolean withIdentities, boolean withMedia) {
				this.rows = new PlanRows.Builder(withIdentities, withMedia);
			}
		}

		@Override
		public void accept(InputRow row, PinDraft draft) {
			if (row.prior() != null && RowStatus.isOnZernio(row.prior().status())) {
				return; // carried over, never sent again
			}
			String accountRef = draft.getOr(PinField.ACCOUNT, validation.defaultAccount());
			String boardRef = draft.getOr(PinField.BOARD, validation.defaultBoard());
			// invalid rows too: the job resolves their boards as well, to name every problem of the row
			boards.add(accountRef, boardRef);
			Validation result = validator.validate(draft);
			boolean retried = row.prior() != null;
			if (result.isValid()) {
				add(found, result.pin(), draft, accountRef, boardRef, retried);
			}
			else if (dayFirst != null && result.problems().stream()
				.anyMatch(problem -> problem.code().equals(PinValidator.AMBIGUOUS_DATE))) {
				Validation asDayFirst = dayFirstValidator.validate(draft);
				if (asDayFirst.isValid()) {
					add(dayFirst, asDayFirst.pin(), draft, accountRef, boardRef, retried);
				}
				Validation asMonthFirst = monthFirstValidator.validate(draft);
				if (asMonthFirst.isValid()) {
					add(monthFirst, asMonthFirst.pin(), draft, accountRef, boardRef, retried);
				}
			}
		}

		private void add(Found into, Pin pin, PinDraft draft, String accountRef, String boardRef, boolean retried) {
			if (!localFilesUsable(pin)) {
				return; // INVALID when the job checks the file: never sent
			}
			String checkedMedia = null;
			if (collectMedia && !pin.media().local()) {
				into.media.add(pin.media());
				checkedMedia = pin.media().location();
			}
			if (pin.publishAt() != null || undatedCount) {
				into.rows.add(new RowRef(pin.rowNumber(), accountRef, boardRef, pin.publishAt(), checkedMedia,
						identities == null ? 0 : PinIdentity.prefix(identities.of(draft)), formerPin(draft),
						identities == null || pin.publishAt() == null ? 0
								: PinIdentity.prefix(identities.content(draft)), retried));
			}
		}

		private long formerPin(PinDraft draft) {
			String former = identities == null ? null : identities.formerly(draft);
			return former == null ? 0 : PinIdentity.prefix(former);
		}

		/** The row's local media and cover files, checked as the job checks them before sending (each file once). */
		private boolean localFilesUsable(Pin pin) {
			Media media = pin.media();
			return (!media.local() || usable(media.location(), media.kind()))
					&& (!pin.coverIsLocal() || usable(pin.coverImageUrl(), MediaKind.IMAGE));
		}

		private boolean usable(String location, MediaKind kind) {
			return usableFiles.computeIfAbsent(kind + " " + location, file -> {
				try {
					LocalMediaUploader.check(Path.of(location), kind, validation.allowedMediaFolder());
					return true;
				}
				catch (MediaRejectedException rejected) {
					return false;
				}
			});
		}

		/** What was collected, for the date order the survey settled. */
		Collected collected(DateOrder settled) {
			if (settled == validation.dateOrder() || validation.dateFormat() != null) {
				return new Collected(found.rows.build(), found.media, boards);
			}
			Found ofOrder = settled == DateOrder.DAY_FIRST ? dayFirst : settled == DateOrder.MONTH_FIRST ? monthFirst
					: null;
			if (ofOrder == null) {
				throw new IllegalStateException("rows checked " + validation.dateOrder() + ", dates settled "
						+ settled);
			}
			Set<Media> media = new LinkedHashSet<>(found.media);
			media.addAll(ofOrder.media);
			return new Collected(found.rows.build().merged(ofOrder.rows.build()), media, boards);
		}
	}

	/** The capacity plan per account and, with --spread, the slots of the pins beyond a cap. */
	static Outcome plan(Collected collected, AccountNames accounts, SpreadSettings spread, boolean spreading,
			Instant start, ZoneId zone, Map<String, List<Instant>> taken) {
		CapacityPlan plan = new CapacityPlan(spread.caps(), start, taken);
		List<PlannedRow> planned = new ArrayList<>();
		Map<String, List<Instant>> counted = new HashMap<>();
		for (RowRef row : collected.rows()) {
			String account = accounts.of(row.accountRef(), row.boardRef());
			if (account == null) {
				continue; // INVALID when the job resolves it: never sent
			}
			boolean within = plan.add(row.rowNumber(), account, row.publishAt());
			if (spreading) {
				planned.add(new PlannedRow(row.rowNumber(), account, row.publishAt()));
			}
			else if (within) {
				counted.computeIfAbsent(account, name -> new ArrayList<>())
					.add(row.publishAt() == null ? start : row.publishAt());
			}
		}
		List<String> lines = new ArrayList<>(plan.describe(spreading));
		if (!spreading) {
			return new Outcome(lines, Map.of(), plan.capped(), counted);
		}
		Map<Long, Instant> slots = new SpreadPlanner().plan(planned, spread, start, zone, taken);
		lines.addAll(SpreadSummary.lines(planned, slots, zone));
		for (PlannedRow row : planned) {
			Instant at = slots.get(row.rowNumber());
			counted.computeIfAbsent(row.account(), name -> new ArrayList<>())
				.add(at != null ? at : row.publishAt() == null ? start : row.publishAt());
		}
		return new Outcome(lines, slots, Map.of(), counted);
	}
}
