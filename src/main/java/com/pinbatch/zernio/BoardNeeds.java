package com.pinbatch.zernio;

import java.util.LinkedHashMap;
import java.util.Map;

import com.pinbatch.text.ClosestNames;

/**
 * The account and board references of a file's rows, boiled down to what {@link BoardDirectory#prefetch} must look
 * up: one row's board per account reference, a board name rather than an id where the account has both (a name
 * needs the account's boards, an id may not). Memory grows with the distinct accounts named, not with the rows. Not
 * thread-safe: filled by one reading pass.
 */
public final class BoardNeeds {

	/** Account reference as written (blank: the row names none) -> a board reference of one of its rows. */
	private final Map<String, Reference> byAccount = new LinkedHashMap<>();

	/** The account the last row named, as written and as a key: a survey adds every row of a file. */
	private String lastAccount;

	private String lastKey;

	/**
	 * @param accountRef the row's account (id, username, display name), blank when it names none
	 * @param boardRef   the row's board (id or name); a row without one needs no look-up
	 */
	public void add(String accountRef, String boardRef) {
		String board = boardRef == null ? "" : boardRef.trim();
		if (board.isEmpty()) {
			return;
		}
		String account = accountRef == null ? "" : accountRef.trim();
		// the same account written as "@Acme-Home" and "acme-home" is one look-up; rows mostly repeat the one before's
		if (!account.equals(lastAccount)) {
			lastAccount = account;
			lastKey = ClosestNames.normalize(account.startsWith("@") ? account.substring(1) : account);
		}
		String key = lastKey;
		byAccount.merge(key, new Reference(account, board),
				(kept, offered) -> BoardDirectory.isBoardId(kept.board()) && !BoardDirectory.isBoardId(board)
						? offered : kept);
	}

	/** How many distinct account references (a row naming none counts as one) the rows make. */
	public int accountReferences() {
		return byAccount.size();
	}

	Iterable<Reference> references() {
		return byAccount.values();
	}

	/** One row's account and board, as written. */
	record Reference(String account, String board) {
	}
}
