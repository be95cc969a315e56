package com.pinbatch.job;

import java.util.HashMap;
import java.util.Map;

import com.pinbatch.concurrent.BackgroundConsumer;
import com.pinbatch.input.InputDigest;
import com.pinbatch.input.InputFileState;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.WhenNoDate;
import com.pinbatch.result.RowResultStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one read of an input before its job runs: the check of every row (a bad file refuses the whole request before
 * anything is sent), the content hash that names the run, the survey and what the plan needs, all in one pass. The
 * job's plan step takes what was read rather than reading the file again, so each input is read twice: here, and by
 * the step that sends or checks its rows.
 * <p>
 * What is kept is a pure function of the input's content and parameters, not the run's state: a plan step that finds
 * nothing kept (its job restarted without a launcher, or in another process) reads the file itself and reaches the
 * same answers. (Only whether the rows' pin identities are taken depends on the job repository: a dry run takes none
 * until some run stored a pin.) Kept only from the launcher's read until the plan step takes it or the request ends,
 * and only within a quarter of the heap: the inputs of a request wait for their turn (pinbatch.parallel-inputs) with
 * what was read for them, and one that would pass the bound is read again by its plan step instead.
 */
@Component
public class InputSurveys {

	/** What a kept media URL (--check-media) costs in memory, about. */
	private static final long BYTES_PER_MEDIA = 200;

	/** What a kept repeated row costs in memory: its number and the earlier row's, two longs ({@code RowPairs}). */
	private static final long BYTES_PER_DUPLICATE = 16;

	private final Map<InputParameters, Surveyed> kept = new HashMap<>();

	private final InputSetup setup;

	private final RowResultStore store;

	private final long byteBudget;

	private long bytesKept;

	@Autowired
	public InputSurveys(InputSetup setup, RowResultStore store) {
		this(setup, store, Runtime.getRuntime().maxMemory() / 4);
	}

	/** @param byteBudget how much memory what is kept may take, about, all inputs together */
	InputSurveys(InputSetup setup, RowResultStore store, long byteBudget) {
		this.setup = setup;
		this.store = store;
		this.byteBudget = byteBudget;
	}

	private record Visit(InputRow row, PinDraft draft) {
	}

	/** What one read of an input found. */
	public static final class Surveyed {

		private final InputInspector.Survey survey;

		private final PlanningPass.Collected collected;

		private final InputDigest digest;

		private final InputFileState fileState;

		private Surveyed(InputInspector.Survey survey, PlanningPass.Collected collected, InputDigest digest,
				InputFileState fileState) {
			this.survey = survey;
			this.collected = collected;
			this.digest = digest;
			this.fileState = fileState;
		}

		/** What the launcher needs: the rows, the assumptions to show, the content hash and the character set. */
		public InputInspector.Check check() {
			return new InputInspector.Check(survey.rows(), survey.assumptions(), digest, survey.charset(),
					survey.separatorLineHidden());
		}

		InputInspector.Survey survey() {
			return survey;
		}

		PlanningPass.Collected collected() {
			return collected;
		}

		/** The file as it was before this read: its job reads it only while it stays so. */
		InputFileState fileState() {
			return fileState;
		}

		/** About what it takes in memory: the plan's rows, the media to check and the repeated rows. */
		long bytes() {
			return collected.rows().bytes() + collected.media().size() * BYTES_PER_MEDIA
					+ survey.duplicates().size() * BYTES_PER_DUPLICATE;
		}
	}

	/**
	 * The launcher's read, which also takes the content hash.
	 *
	 * @param input the input's parameters (its run key not known yet)
	 * @throws com.pinbatch.input.InputFileException or MappingException for a file the user must fix
	 */
	public Surveyed read(InputParameters input) {
		return read(input, InputDigest.sha256());
	}

	/**
	 * Keeps what was read for the plan step of the job launched with {@code input} (its run key set), unless that
	 * would pass the budget.
	 */
	public synchronized void keep(InputParameters input, Surveyed surveyed) {
		forget(input);
		if (bytesKept + surveyed.bytes() <= byteBudget) {
			kept.put(input.asRead(), surveyed);
			bytesKept += surveyed.bytes();
		}
	}

	/** Drops what no plan step took: the input was processed already, or the request was refused or stopped. */
	public void forget(InputParameters input) {
		removed(input);
	}

	/** The plan step's: what the launcher read for these parameters, else a read of its own. */
	Surveyed take(InputParameters input) {
		Surveyed surveyed = removed(input);
		return surveyed != null ? surveyed : read(input, null);
	}

	private synchronized Surveyed removed(InputParameters input) {
		Surveyed surveyed = kept.remove(input.asRead());
		if (surveyed != null) {
			bytesKept -= surveyed.bytes();
		}
		return surveyed;
	}

	/**
	 * The plan's rows are collected in the survey's pass: a row whose date the survey has yet to settle (03/04/2027)
	 * is checked both ways, and the rows of the order it settles are kept.
	 */
	private Surveyed read(InputParameters input, InputDigest digest) {
		ColumnMapping mapping = setup.mapping(input);
		InputOptions options = setup.inputOptions(input, mapping);
		ValidationSettings validation = setup.validation(input);
		WhenNoDate whenNoDate = WhenNoDate.fromOption(input.whenNoDate());
		boolean undatedCount = whenNoDate == WhenNoDate.NOW;
		// each planned row's pin identity, to leave out the pins other runs created; a dry run before any run stored
		// a pin needs none (a million rows' identities take seconds)
		PinIdentity identities = input.dryRun() && !store.holdsPins() ? null
				: EarlierPins.identities(validation, whenNoDate);
		PlanningPass.Collector collector = new PlanningPass.Collector(validation, identities, undatedCount,
				input.checkMedia());
		InputFileState fileState = InputFileState.of(input.input()); // before the read: a save during it counts too
		InputInspector.Survey survey;
		// the plan's check of each row runs beside the parse and the survey's own checks
		try (BackgroundConsumer<Visit> planning = new BackgroundConsumer<>("pinbatch-plan", 1_000,
				visit -> collector.accept(visit.row(), visit.draft()))) {
			survey = InputInspector.inspect(input.input(), options, mapping, validation, undatedCount,
					(row, draft) -> planning.accept(new Visit(row, draft)), digest);
			planning.finish();
		}
		PlanningPass.Collected collected = collector.collected(survey.validation().dateOrder());
		// a row repeating an earlier one is INVALID, never sent: counted against its account's caps, it would push a
		// row that is sent past them
		return new Surveyed(survey, collected.without(row -> survey.duplicates().contains(row.rowNumber())),
				digest, fileState);
	}
}
