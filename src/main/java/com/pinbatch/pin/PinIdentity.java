package com.pinbatch.pin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What makes a row the pin it is, whatever file, row position or column order it comes in: its account and board (the
 * command line's for a row that names none), every other pin field as the row writes it, and what changes how those
 * are sent (the zone and date format its dates are read with, what an empty date means). Columns that are no pin
 * field do not count; where the pins go (Zernio or the sandbox) is the caller's to add. A spreadsheet saved again with
 * rows added, moved or columns added keeps the identity of its unchanged rows, so a later run can tell the pins an
 * earlier run already created. A row without a date publishes the same whatever zone and date format its run reads
 * dates with, so these do not count for it ({@link #formerly} gives its identity from before). Not thread-safe.
 */
public final class PinIdentity {

	/**
	 * The fields taken as written; account and board are taken with the defaults and without case, and a separate
	 * time is part of the publish time ({@link BoundColumns#draft}). A field added to {@link PinField} changes every
	 * row's identity unless it is left out here: rows already sent would be sent again.
	 */
	private static final List<PinField> AS_WRITTEN = Arrays.stream(PinField.values())
		.filter(field -> field != PinField.ACCOUNT && field != PinField.BOARD && field != PinField.PUBLISH_TIME)
		.toList();

	private final MessageDigest sha256;

	/** The parts of one row, each after its length (so ("ab", "c") stays apart from ("a", "bc")): one digest a row. */
	private final StringBuilder parts = new StringBuilder(256);

	private final String defaultAccount;

	private final String defaultBoard;

	private final String mediaFolder;

	private final String sending;

	/**
	 * What changes how a row without a date is sent: only what an empty date means. Written as a run with the default
	 * zone and no date format wrote it before, so that such a run's rows keep their identity.
	 */
	private final String sendingUndated;

	/** @param whenNoDate what a row without a date becomes (publish now, the queue, a draft) */
	public PinIdentity(ValidationSettings settings, String whenNoDate) {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
		this.defaultAccount = settings.defaultAccount();
		this.defaultBoard = settings.defaultBoard();
		this.mediaFolder = settings.mediaBaseDir() == null ? ""
				: settings.mediaBaseDir().toAbsolutePath().normalize().toString();
		this.sending = settings.zone().getId() + "|" + settings.dateFormat() + "|" + whenNoDate;
		this.sendingUndated = "UTC|null|" + whenNoDate;
	}

	/** The row's identity: 32 hex characters, the first 16 of them its {@link #prefix}. */
	public String of(PinDraft draft) {
		return identity(draft, undated(draft) ? sendingUndated : sending);
	}

	/**
	 * The identity a row had in earlier versions, to look up the pins they created as well: for a row with a field
	 * from a column those versions did not read ({@link PinDraft#newlyRead}: "Date", whose rows they published at
	 * once; "Website", whose pins they sent without a link), the one it had without it; for a row without a date, the
	 * one it had while the zone and date format still counted for it (without it, a run that added --timezone would
	 * publish those rows a second time). Null otherwise: a row with a date kept its identity, and a run that reads
	 * dates as the default does gives the same one.
	 */
	public String formerly(PinDraft draft) {
		if (!draft.newlyRead().isEmpty()) {
			PinDraft before = draft.asReadBefore();
			return identity(before, undated(before) ? sendingUndated : sending); // as those versions sent it
		}
		return undated(draft) && !sending.equals(sendingUndated) ? identity(draft, sending) : null;
	}

	private static boolean undated(PinDraft draft) {
		return draft.get(PinField.PUBLISH_AT).isEmpty();
	}

	private String identity(PinDraft draft, String sendingPart) {
		parts.setLength(0);
		part(DuplicateLint.accountKey(draft, defaultAccount, defaultBoard));
		part(draft.getOr(PinField.BOARD, defaultBoard).toLowerCase(Locale.ROOT));
		for (PinField field : AS_WRITTEN) {
			written(draft, field);
		}
		part(sendingPart);
		byte[] digest = sha256.digest(parts.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

	/**
	 * The row's identity without its time (the date and zone cells, the options they are read with): the same for a
	 * row whose date was moved. 32 hex characters.
	 */
	public String content(PinDraft draft) {
		parts.setLength(0);
		part(DuplicateLint.accountKey(draft, defaultAccount, defaultBoard));
		part(draft.getOr(PinField.BOARD, defaultBoard).toLowerCase(Locale.ROOT));
		for (PinField field : AS_WRITTEN) {
			if (field != PinField.PUBLISH_AT && field != PinField.TIMEZONE) {
				written(draft, field);
			}
		}
		byte[] digest = sha256.digest(parts.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

	/** The first 64 bits of an identity: what a set of many identities holds (8 bytes each). */
	public static long prefix(String identity) {
		return Long.parseUnsignedLong(identity, 0, 16, 16);
	}

	private void written(PinDraft draft, PinField field) {
		String value = draft.get(field);
		if ((field == PinField.MEDIA_URL || field == PinField.COVER_IMAGE_URL) && !value.isEmpty()
				&& !value.contains("://")) {
			part(mediaFolder); // a local file's path is read from the input's folder: elsewhere it is another file
		}
		part(value);
	}

	private void part(String text) {
		parts.append(text.length()).append(':').append(text);
	}
}
