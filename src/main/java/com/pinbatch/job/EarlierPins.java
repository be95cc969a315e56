package com.pinbatch.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.carrotsearch.hppc.LongHashSet;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;

/**
 * The pins earlier runs put on Zernio, by their identity ({@link PinIdentity}). A row whose pin another run created
 * (its spreadsheet saved again with rows added, or the same row in another file) is a DUPLICATE of that post and is
 * not sent again, even past Zernio's own 24-hour duplicate check. Asked about every row, so the identities are held
 * in memory (8 bytes a pin) and the database is asked only about a row whose identity is among them.
 */
class EarlierPins {

	private final RowResultStore store;

	private final String runKey;

	private final PinIdentity identity;

	private final LongHashSet onZernio;

	/** Whether rows need their identity: a row to send stores it, and any row is looked up when there are pins. */
	private final boolean needed;

	/** @param target where the run's pins go ({@link ApiSessionSource}) */
	EarlierPins(RowResultStore store, RunPlan plan, String target) {
		this.store = store;
		this.runKey = plan.runKey();
		// the sandbox's pins are its own; a dry run without a key is checked against the pins sent to Zernio
		String sentTo = ApiSessionSource.SANDBOX.equals(target) ? ApiSessionSource.SANDBOX : ApiSessionSource.ZERNIO;
		this.identity = new PinIdentity(plan.validation(), sentTo, String.valueOf(plan.whenNoDate()));
		this.onZernio = store.pinKeysOnZernio();
		this.needed = !plan.dryRun() || !onZernio.isEmpty();
	}

	/** The row's identity, or null when nothing needs it (a dry run with no pin stored). */
	String keyOf(PinDraft draft) {
		return needed ? identity.of(draft) : null;
	}

	/** The row as a DUPLICATE of the post an earlier run created with this identity, if one did. */
	Optional<RowResult> duplicateOf(long rowNumber, String pinKey) {
		if (pinKey == null || !onZernio.contains(RowResultStore.pinKeyPrefix(pinKey))) {
			return Optional.empty();
		}
		return store.earlierPin(pinKey, runKey).map(earlier -> {
			RowResult pin = earlier.result();
			String message = "already on Zernio as post " + pin.postId() + ": a run on "
					+ earlier.sentAt().atOffset(ZoneOffset.UTC).toLocalDate() + " created this pin from row "
					+ pin.rowNumber() + " of its file, so it is not sent again (to post it once more, change its"
					+ " description)";
			return new RowResult(rowNumber, RowStatus.DUPLICATE, pin.postId(), pin.pinUrl(), null, message, 0, null,
					Instant.now(), pin.publishAt());
		});
	}
}
