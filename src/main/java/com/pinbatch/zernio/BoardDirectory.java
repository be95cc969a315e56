package com.pinbatch.zernio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the account and board a row names (ids, usernames, board names, or nothing) into Zernio ids. Thread-safe.
 * <p>
 * The account list and each account's boards are fetched once per run, on first need, so a file of thousands of
 * rows costs a handful of calls. Zernio failures (key rejected, unreachable) propagate as
 * {@link ZernioApiException}: they stop the run rather than fail a row.
 */
public class BoardDirectory {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F]{24}");

	private static final Pattern BOARD_ID = Pattern.compile("[0-9]+");

	/** Suggestions offered for a misspelt name. */
	private static final int MAX_SUGGESTIONS = 3;

	/** Up to this many names are listed when none is close to what was typed. */
	private static final int FEW_NAMES = 8;

	private final ZernioClient client;

	private volatile List<Account> accounts;

	/** Empty when Zernio does not know the account id (an id given by the user that is not in the list). */
	private final Map<String, Optional<List<Board>>> boardsByAccount = new ConcurrentHashMap<>();

	public BoardDirectory(ZernioClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	/**
	 * @param accountRef account id, username (with or without @) or display name; blank when the row names none
	 * @param boardRef   board id (digits) or name
	 */
	public BoardResolution resolve(String accountRef, String boardRef) {
		String account = blankToNull(accountRef);
		String board = blankToNull(boardRef);
		if (board == null) {
			return BoardResolution.problem(BoardResolution.BOARD_REQUIRED,
					"no board given: add a board column (board id or name) or pass --board");
		}
		return account != null ? resolveInNamedAccount(account, board) : resolveWithoutAccount(board);
	}

	/** The key's Pinterest accounts, usable or not; fetched on first call. */
	public List<Account> accounts() {
		List<Account> known = accounts;
		if (known == null) {
			synchronized (this) {
				known = accounts;
				if (known == null) {
					known = List.copyOf(client.listPinterestAccounts());
					accounts = known;
				}
			}
		}
		return known;
	}

	private BoardResolution resolveInNamedAccount(String accountRef, String board) {
		Account account;
		if (ACCOUNT_ID.matcher(accountRef).matches()) {
			// an id is trusted as given: the list hides accounts of profiles over the plan limit
			account = accounts().stream()
				.filter(candidate -> candidate.id().equalsIgnoreCase(accountRef))
				.findFirst()
				.orElse(new Account(accountRef, null, null, true));
		}
		else {
			Optional<Account> named = accountNamed(accountRef);
			if (named.isEmpty()) {
				return accountNotFound(accountRef);
			}
			account = named.get();
		}
		if (!account.usable()) {
			return disconnected(account);
		}
		return resolveInAccount(account, board);
	}

	/** Usernames are unique, so they win over display names, which need not be. */
	private Optional<Account> accountNamed(String accountRef) {
		String wanted = ClosestNames.normalize(accountRef.startsWith("@") ? accountRef.substring(1) : accountRef);
		Optional<Account> byUsername = accounts().stream()
			.filter(account -> ClosestNames.normalize(account.username()).equals(wanted))
			.findFirst();
		if (byUsername.isPresent()) {
			return byUsername;
		}
		List<Account> byDisplayName = accounts().stream()
			.filter(account -> ClosestNames.normalize(account.displayName()).equals(wanted))
			.toList();
		return byDisplayName.size() == 1 ? Optional.of(byDisplayName.get(0)) : Optional.empty();
	}

	private BoardResolution resolveInAccount(Account account, String board) {
		if (BOARD_ID.matcher(board).matches()) {
			return BoardResolution.resolved(account, board);
		}
		Optional<List<Board>> boards = boardsOf(account.id());
		if (boards.isEmpty()) {
			return BoardResolution.problem(account, BoardResolution.ACCOUNT_NOT_FOUND, "account " + account.id()
					+ " is not known to Zernio: check the account id, or use the account's username");
		}
		Optional<Board> match = boardNamed(boards.get(), board);
		if (match.isPresent()) {
			return BoardResolution.resolved(account, match.get().id());
		}
		List<String> names = boards.get().stream().map(Board::name).toList();
		return BoardResolution.problem(account, BoardResolution.BOARD_NOT_FOUND, "board " + ClosestNames.quote(board)
				+ " not found in account " + label(account) + boardHint(board, names, label(account)));
	}

	private BoardResolution resolveWithoutAccount(String board) {
		List<Account> usable = accounts().stream().filter(Account::usable).toList();
		if (usable.size() == 1) {
			return resolveInAccount(usable.get(0), board);
		}
		if (usable.isEmpty()) {
			return noUsableAccount();
		}
		boolean byId = BOARD_ID.matcher(board).matches();
		List<Account> holders = new ArrayList<>();
		String boardId = null;
		for (Account account : usable) {
			List<Board> boards = boardsOf(account.id()).orElse(List.of());
			Optional<Board> match = byId ? boards.stream().filter(b -> board.equals(b.id())).findFirst()
					: boardNamed(boards, board);
			if (match.isPresent()) {
				holders.add(account);
				boardId = match.get().id();
			}
		}
		if (holders.size() == 1) {
			return BoardResolution.resolved(holders.get(0), boardId);
		}
		String accountList = labels(holders.isEmpty() ? usable : holders);
		if (holders.size() > 1) {
			return BoardResolution.problem(BoardResolution.ACCOUNT_REQUIRED, "board " + ClosestNames.quote(board)
					+ " exists in accounts " + accountList + "; add an account column or pass --account");
		}
		if (byId) {
			return BoardResolution.problem(BoardResolution.ACCOUNT_REQUIRED, "board " + board
					+ " is not among the boards of accounts " + accountList
					+ "; add an account column or pass --account");
		}
		return boardNotFoundAnywhere(board, usable);
	}

	private BoardResolution boardNotFoundAnywhere(String board, List<Account> usable) {
		// board name -> the account it is in, for "did you mean 'Kitchen Ideas' (acme-home)?"
		Map<String, String> accountOfBoard = new LinkedHashMap<>();
		for (Account account : usable) {
			for (Board candidate : boardsOf(account.id()).orElse(List.of())) {
				accountOfBoard.putIfAbsent(candidate.name(), label(account));
			}
		}
		List<String> closest = ClosestNames.to(board, accountOfBoard.keySet(), MAX_SUGGESTIONS);
		String hint = closest.isEmpty() ? "; check the board name, or add an account column"
				: "; did you mean " + closest.stream()
					.map(name -> ClosestNames.quote(name) + " (" + accountOfBoard.get(name) + ")")
					.collect(Collectors.joining(", ")) + "?";
		return BoardResolution.problem(BoardResolution.BOARD_NOT_FOUND, "board " + ClosestNames.quote(board)
				+ " not found in any account (" + labels(usable) + ")" + hint);
	}

	private BoardResolution noUsableAccount() {
		if (accounts().isEmpty()) {
			return BoardResolution.problem(BoardResolution.ACCOUNT_NOT_FOUND,
					"this API key sees no Pinterest account: connect one in Zernio, then run again");
		}
		return BoardResolution.problem(BoardResolution.ACCOUNT_DISCONNECTED,
				"no usable Pinterest account: " + labels(accounts())
						+ " must be reconnected; reconnect in Zernio, then run again");
	}

	private BoardResolution accountNotFound(String accountRef) {
		List<String> usernames = accounts().stream().map(BoardDirectory::label).sorted().toList();
		List<String> closest = ClosestNames.to(accountRef.startsWith("@") ? accountRef.substring(1) : accountRef,
				usernames, MAX_SUGGESTIONS);
		String hint;
		if (!closest.isEmpty()) {
			hint = "; did you mean " + ClosestNames.quotedAlternatives(closest) + "?";
		}
		else if (usernames.isEmpty()) {
			hint = "; this API key sees no Pinterest account: connect one in Zernio";
		}
		else if (usernames.size() <= FEW_NAMES) {
			hint = "; the key's Pinterest accounts are " + String.join(", ", usernames);
		}
		else {
			hint = "; use the account's username or id as Zernio shows it";
		}
		return BoardResolution.problem(BoardResolution.ACCOUNT_NOT_FOUND,
				"account " + ClosestNames.quote(accountRef) + " not found" + hint);
	}

	private static BoardResolution disconnected(Account account) {
		return BoardResolution.problem(account, BoardResolution.ACCOUNT_DISCONNECTED, "Pinterest account "
				+ label(account) + " is disconnected in Zernio: reconnect it in Zernio, then run again");
	}

	private static String boardHint(String board, List<String> names, String accountLabel) {
		List<String> closest = ClosestNames.to(board, names, MAX_SUGGESTIONS);
		if (!closest.isEmpty()) {
			return "; did you mean " + ClosestNames.quotedAlternatives(closest) + "?";
		}
		if (names.isEmpty()) {
			return "; " + accountLabel + " has no boards: create the board on Pinterest first";
		}
		if (names.size() <= FEW_NAMES) {
			return "; its boards are "
					+ names.stream().sorted().map(ClosestNames::quote).collect(Collectors.joining(", "));
		}
		return "; check the board name on Pinterest";
	}

	private static Optional<Board> boardNamed(List<Board> boards, String name) {
		String wanted = ClosestNames.normalize(name);
		return boards.stream().filter(board -> ClosestNames.normalize(board.name()).equals(wanted)).findFirst();
	}

	/** Each account's boards once; an account id Zernio does not know (400/404) is remembered as such. */
	private Optional<List<Board>> boardsOf(String accountId) {
		return boardsByAccount.computeIfAbsent(accountId, id -> {
			try {
				return Optional.of(List.copyOf(client.listBoards(id)));
			}
			catch (ZernioApiException failure) {
				if (failure.status() == 400 || failure.status() == 404) {
					return Optional.empty();
				}
				throw failure;
			}
		});
	}

	static String label(Account account) {
		return account.username() != null && !account.username().isBlank() ? account.username() : account.id();
	}

	private static String labels(List<Account> accounts) {
		return accounts.stream().map(BoardDirectory::label).sorted(Comparator.naturalOrder())
			.collect(Collectors.joining(", "));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
