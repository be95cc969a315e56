package com.pinbatch.pin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.carrotsearch.hppc.LongLongHashMap;
import com.pinbatch.input.InputRow;

/**
 * Finds rows that Zernio would refuse as duplicates of an earlier row of the same file: Zernio rejects a post
 * whose account, content (our description) and media equal those of a post it got in the last 24 hours. Also
 * counts destination links that several rows share (a warning, not a problem).
 * <p>
 * Fed every row in a pre-scan, in file order, before any row is sent. It keeps a 64-bit fingerprint and the first
 * row number per distinct content and per link, in primitive maps (about 20 bytes a row), and the row numbers of
 * the duplicates, never the rows. Two contents share a fingerprint by chance once in ~3·10^7 files of a million
 * rows. Not thread-safe.
 */
public final class DuplicateLint {

	public static final String CODE = "duplicate_in_file";

	/** How many row numbers a repeated link's summary names. */
	static final int ROWS_SHOWN = 3;

	/** A link several rows use: how many, and the first {@value #ROWS_SHOWN} of them. */
	public record RepeatedLink(String link, int rowCount, List<Long> firstRows) {

		/** One line for the run summary. */
		public String describe() {
			String rows = firstRows.stream().map(String::valueOf).collect(Collectors.joining(", "));
			String more = rowCount > firstRows.size() ? ", …" : "";
			return "link " + link + " is used by " + rowCount + " rows (" + rows + more + ")";
		}
	}

	/** Rows of one link so far; its text is only kept once a second row uses it. */
	private static final class LinkUse {

		private final List<Long> firstRows = new ArrayList<>(1);

		private int rowCount;

		private String link;

		void add(long rowNumber, String text) {
			rowCount++;
			if (firstRows.size() < ROWS_SHOWN) {
				firstRows.add(rowNumber);
			}
			if (rowCount == 2) {
				link = text;
			}
		}
	}

	private final String defaultAccount;

	private final String defaultBoard;

	private final MessageDigest sha256;

	private final LongLongHashMap firstRowByContent = new LongLongHashMap();

	private final RowPairs.Builder earlierRowByDuplicate = new RowPairs.Builder();

	/** {@link #earlierRowByDuplicate} as built once the pre-scan is over; null while rows come. */
	private RowPairs duplicates;

	/** The first row of every link: most links are used once, so they cost a fingerprint and a row number only. */
	private final LongLongHashMap firstRowByLink = new LongLongHashMap();

	/** Links used by more than one row, in the order of their first row. */
	private final Map<Long, LinkUse> linkUses = new LinkedHashMap<>();

	/** The length that goes before each part of a fingerprint, reused. */
	private final ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);

	/** Uses the settings' --account (and, for rows without any account, --board) as the rows' defaults. */
	public DuplicateLint(ValidationSettings settings) {
		this.defaultAccount = settings.defaultAccount();
		this.defaultBoard = settings.defaultBoard();
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * Records one row. Feed rows that may be sent (a row INVALID for another reason is never sent, so it cannot
	 * make a later row a duplicate); rows without media are skipped, as they are invalid anyway.
	 *
	 * @return the first earlier row with the same account, description and media, if any
	 */
	public OptionalLong accept(PinDraft draft) {
		if (draft.repeatsHeader()) {
			return OptionalLong.empty(); // INVALID as such: a second one is no duplicate of a pin
		}
		countLink(draft);
		if (!draft.has(PinField.MEDIA_URL)) {
			return OptionalLong.empty();
		}
		// the host of an address in any case is the same host, so the same image
		long content = fingerprint(accountKey(draft, defaultAccount, defaultBoard), draft.get(PinField.DESCRIPTION),
				WebAddress.withCaseFolded(draft.get(PinField.MEDIA_URL)));
		OptionalLong first = firstRow(firstRowByContent, content, draft.rowNumber());
		if (first.isEmpty() || first.getAsLong() == draft.rowNumber()) {
			return OptionalLong.empty();
		}
		earlierRowByDuplicate.add(draft.rowNumber(), first.getAsLong());
		duplicates = null;
		return first;
	}

	/** After the pre-scan: the earlier row that row {@code rowNumber} repeats, if it does. */
	public OptionalLong earlierRow(long rowNumber) {
		return duplicates().get(rowNumber);
	}

	/** After the pre-scan: the {@value #CODE} problem of this row, if it repeats an earlier one. */
	public Optional<ValidationProblem> problem(PinDraft draft) {
		OptionalLong earlier = earlierRow(draft.rowNumber());
		return earlier.isPresent() ? Optional.of(duplicateProblem(draft, earlier.getAsLong())) : Optional.empty();
	}

	/** The problem of a row that repeats {@code earlierRow}; it names the row's description column. */
	public static ValidationProblem duplicateProblem(PinDraft draft, long earlierRow) {
		return new ValidationProblem(CODE, draft.columnName(PinField.DESCRIPTION), "same account, description and"
				+ " media as row " + earlierRow + "; Zernio rejects the second within 24 hours — change the description"
				+ " or media, or remove the row");
	}

	/** How many rows repeat an earlier row. */
	public int duplicateCount() {
		return duplicates().size();
	}

	/** Links used by more than one row, in the order of their first row. */
	public List<RepeatedLink> repeatedLinks() {
		return linkUses.values()
			.stream()
			.filter(use -> use.rowCount > 1)
			.map(use -> new RepeatedLink(use.link, use.rowCount, List.copyOf(use.firstRows)))
			.toList();
	}

	private void countLink(PinDraft draft) {
		if (!draft.has(PinField.LINK)) {
			return;
		}
		String link = draft.get(PinField.LINK);
		if (InputRow.standsForWhatTheFileLacks(link)) {
			return; // no link the rows could share
		}
		long key = fingerprint(WebAddress.withCaseFolded(link));
		OptionalLong first = firstRow(firstRowByLink, key, draft.rowNumber());
		if (first.isPresent()) {
			linkUses.computeIfAbsent(key, k -> {
				LinkUse use = new LinkUse();
				use.add(first.getAsLong(), link);
				return use;
			}).add(draft.rowNumber(), link);
		}
	}

	/** The row first seen with {@code key}, if any; otherwise {@code rowNumber} becomes it. */
	private static OptionalLong firstRow(LongLongHashMap firstRows, long key, long rowNumber) {
		int slot = firstRows.indexOf(key);
		if (firstRows.indexExists(slot)) {
			return OptionalLong.of(firstRows.indexGet(slot));
		}
		firstRows.indexInsert(slot, key, rowNumber);
		return OptionalLong.empty();
	}

	/**
	 * After the pre-scan: the rows that repeat an earlier row, by row number, mapped to that earlier row. It is all
	 * the job needs, so the fingerprints of every row can be let go.
	 */
	public RowPairs duplicates() {
		if (duplicates == null) {
			duplicates = earlierRowByDuplicate.build();
		}
		return duplicates;
	}

	/**
	 * The account as Zernio will see it: the row's, else --account, compared without case or a leading '@'.
	 * Without either the job finds the account from the board, so the board stands in for it.
	 */
	static String accountKey(PinDraft draft, String defaultAccount, String defaultBoard) {
		String account = draft.has(PinField.ACCOUNT) ? draft.get(PinField.ACCOUNT) : defaultAccount;
		if (account != null) {
			String name = account.startsWith("@") ? account.substring(1) : account;
			return "account:" + name.strip().toLowerCase(Locale.ROOT);
		}
		String board = draft.has(PinField.BOARD) ? draft.get(PinField.BOARD) : defaultBoard;
		return "board:" + (board == null ? "" : board.toLowerCase(Locale.ROOT));
	}

	private long fingerprint(String... parts) {
		for (String part : parts) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			// the length keeps ("ab", "c") apart from ("a", "bc")
			sha256.update(length.putInt(0, bytes.length).array());
			sha256.update(bytes);
		}
		return ByteBuffer.wrap(sha256.digest()).getLong();
	}
}
