package com.pinbatch.zernio;

/**
 * Where a row's pin goes, or why that cannot be told.
 *
 * @param accountId     Zernio account id, when known
 * @param accountLabel  the account's username (or its id when Zernio gave none), for messages
 * @param boardId       Pinterest board id, when resolved
 * @param problemCode   stable snake_case code when unresolved, e.g. {@code board_not_found}; null when ok
 * @param problemMessage a sentence saying what is wrong and how to fix it; null when ok
 * @param profileId     the account's Zernio profile (for --when-no-date=queue), when known
 */
public record BoardResolution(String accountId, String accountLabel, String boardId, String problemCode,
		String problemMessage, String profileId) {

	public static final String ACCOUNT_NOT_FOUND = "account_not_found";

	public static final String ACCOUNT_DISCONNECTED = SendResult.AccountRefused.DISCONNECTED;

	public static final String ACCOUNT_REQUIRED = "account_required";

	public static final String BOARD_NOT_FOUND = "board_not_found";

	public static final String BOARD_REQUIRED = "board_required";

	static BoardResolution resolved(Account account, String boardId) {
		return new BoardResolution(account.id(), BoardDirectory.label(account), boardId, null, null,
				account.profileId());
	}

	static BoardResolution problem(String code, String message) {
		return new BoardResolution(null, null, null, code, message, null);
	}

	static BoardResolution problem(Account account, String code, String message) {
		return new BoardResolution(account.id(), BoardDirectory.label(account), null, code, message, null);
	}

	public boolean ok() {
		return problemCode == null;
	}
}
