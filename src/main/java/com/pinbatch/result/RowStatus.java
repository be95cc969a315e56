package com.pinbatch.result;

import java.util.Set;

/** The status column of the result file. */
public enum RowStatus {

	/** Dry run: the row would be sent. */
	VALID,
	/** Live on Pinterest; pin_url is the pin. */
	PUBLISHED,
	/** Zernio holds it for its publish time. */
	SCHEDULED,
	/** Accepted by Zernio; whether Pinterest took it is not known yet. */
	CREATED,
	/** Zernio already had this pin; post_id names it (its outcome not known yet). */
	DUPLICATE,
	/** Never sent: the row must be fixed. */
	INVALID,
	/** Sent, or could not be sent, and did not succeed (publish_* codes: Pinterest refused it). */
	FAILED,
	/** The run stopped before this row; run the same command again. */
	PENDING;

	private static final Set<String> ON_ZERNIO = Set.of(PUBLISHED.name(), SCHEDULED.name(), CREATED.name(),
			DUPLICATE.name());

	/**
	 * A status as an earlier result file wrote it (--retry-failed): PUBLISHED, SCHEDULED, CREATED and DUPLICATE rows
	 * are on Zernio already and are carried over, never sent again.
	 */
	public static boolean isOnZernio(String statusText) {
		return ON_ZERNIO.contains(statusText == null ? "" : statusText.trim());
	}

	/** PUBLISHED, SCHEDULED, CREATED, DUPLICATE and VALID rows need nothing more from the user. */
	public boolean succeeded() {
		return this == PUBLISHED || this == SCHEDULED || this == CREATED || this == DUPLICATE || this == VALID;
	}

	/**
	 * On Zernio and not final: a follow-up may learn more of it (a SCHEDULED pin, once its time has passed).
	 */
	public boolean mayChange() {
		return this == CREATED || this == DUPLICATE || this == SCHEDULED;
	}

	/** On Zernio with an outcome still to learn: the run (or --follow-up) asks what became of it. */
	public boolean awaitsOutcome() {
		return this == CREATED || this == DUPLICATE;
	}
}
