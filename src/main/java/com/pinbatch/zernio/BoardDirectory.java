package com.pinbatch.zernio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.pinbatch.text.ClosestNames;
import com.pinbatch.text.SpreadsheetDigits;

/**
 * Turns the account and board a row names (ids, usernames, board names, or nothing) into Zernio ids. Thread-safe.
 * <p>
 * The account list and each account's boards are fetched once per run, so a file of thousands of rows costs a
 * handful of calls: all of them before the first pin is sent when the run {@link #prefetch prefetches} what its rows
 * need, otherwise on first need. A process that serves many runs (the web console) lets lists go once they are
 * {@link #forgetOlderThan old}, so a board made on Pinterest since is found. Zernio failures (key rejected, unreachable) propagate as
 * {@link ZernioApiException}: they stop the run rather than fail a row.
 */
public class BoardDirectory {

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F]{24}");

	private static final Pattern BOARD_ID = Pattern.compile("[0-9]+");

	/** Suggestions offered for a misspelt name. */
	private static final int MAX_SUGGESTIONS = 3;

	/** Up to this many names are listed when none is close to what was typed. */
	private static final int FEW_NAMES = 8;

	/**
	 * Look-ups a prefetch makes at once: enough to hide Zernio's answer time behind the pace, few enough to be a
	 * polite client. The pace of the client's gate, not this, sets the rate.
	 */
	static final int LOOK_UPS_AT_ONCE = 4;

	private final ZernioClient client;

	private final Clock clock;

	private volatile List<Account> accounts;

	/** When the oldest list held was fetched; null when none is held. */
	private volatile Instant heldSince;

	/** Empty when Zernio does not know the account id (an id given by the user that is not in the list). */
	private final Map<String, Optional<List<Board>>> boardsByAccount = new ConcurrentHashMap<>();

	/**
	 * What each account/board pair resolved to from the lists held: rows name few pairs, and resolving one compares
	 * it with every account and board name. Let go with the lists.
	 */
	private final Map<List<String>, BoardResolution> resolutions = new ConcurrentHashMap<>();

	/** Counts the times the lists were let go: a resolution made from older lists is not kept. */
	private int generation;

	/** Requests made for the account list and board lists, for the plan line. */
	private final AtomicInteger lookUps = new AtomicInteger();

	public BoardDirectory(ZernioClient client) {
		this(client, Clock.systemUTC());
	}

	public BoardDirectory(ZernioClient client, Clock clock) {
		this.client = Objects.requireNonNull(client, "client");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Lets the account list and board lists go when they were fetched longer than {@code age} ago: a run starting
	 * now sees the accounts and boards of now, while several inputs of one run still share one set of look-ups.
	 */
	public synchronized void forgetOlderThan(Duration age) {
		Instant since = heldSince;
		if (since != null && since.plus(age).isBefore(clock.instant())) {
			accounts = null;
			boardsByAccount.clear();
			resolutions.clear();
			generation++;
			heldSince = null;
		}
	}

	private void holding() {
		if (heldSince == null) {
			heldSince = clock.instant();
		}
	}

	/**
	 * @param accountRef account id, username (with or without @) or display name; blank when the row names none
	 * @param boardRef   board id (digits) or name
	 */
	public BoardResolution resolve(String accountRef, String boardRef) {
		List<String> pair = Arrays.asList(accountRef, boardRef);
		BoardResolution known = resolutions.get(pair);
		if (known != null) {
			return known;
		}
		int madeIn;
		synchronized (this) {
			madeIn = generation;
		}
		BoardResolution fresh = resolveFromLists(accountRef, boardRef);
		synchronized (this) {
			if (madeIn == generation) {
				resolutions.putIfAbsent(pair, fresh);
			}
		}
		return fresh;
	}

	/**
	 * The name a row's account goes by in the run's lines (its username, as {@link #resolve} gives it), for a row
	 * that is not sent: from what is held and the account list alone, so no board list is fetched for it. Empty when
	 * that cannot tell: the row names no account and the key has several, or no account answers to the name.
	 */
	public Optional<String> accountLabel(String accountRef, String boardRef) {
		BoardResolution known = resolutions.get(Arrays.asList(accountRef, boardRef));
		if (known != null && known.accountLabel() != null) {
			return Optional.of(known.accountLabel());
		}
		String account = blankToNull(accountRef);
		if (account == null) {
			List<Account> usable = accounts().stream().filter(Account::usable).toList();
			return usable.size() == 1 ? Optional.of(label(usable.get(0))) : Optional.empty();
		}
		if (ACCOUNT_ID.matcher(account).matches()) {
			return Optional.of(accountWithId(account).map(BoardDirectory::label).orElse(account));
		}
		return accountNamed(account).map(BoardDirectory::label);
	}

	private BoardResolution resolveFromLists(String accountRef, String boardRef) {
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
					lookUps.incrementAndGet();
					holding();
					known = List.copyOf(client.listPinterestAccounts());
					accounts = known;
				}
			}
		}
		return known;
	}

	/**
	 * Looks up now, a few at a time, the account list and every board list that resolving these rows will need, so
	 * that sending never waits for a look-up. Resolving a row afterwards asks Zernio nothing and gives the same
	 * answer as without the prefetch (a missing board is still that row's problem). A failure that would have stopped
	 * the run during sending (key rejected, Zernio unreachable) stops it here, before anything is sent.
	 */
	public Prefetched prefetch(BoardNeeds needs) {
		int before = lookUps.get();
		List<Account> usable = accounts().stream().filter(Account::usable).toList();
		List<Runnable> tasks = new ArrayList<>();
		boolean rowsWithoutAccount = false;
		for (BoardNeeds.Reference reference : needs.references()) {
			rowsWithoutAccount |= reference.account().isEmpty();
			// the same resolution as the row's, for its look-ups: what it finds is decided again per row
			tasks.add(() -> resolve(reference.account(), reference.board()));
		}
		if (rowsWithoutAccount && usable.size() > 1) {
			// a row without an account is looked for in every usable account: fetch those lists side by side first
			List<Runnable> everyAccount = new ArrayList<>();
			usable.forEach(account -> everyAccount.add(() -> boardsOf(account.id())));
			tasks.addAll(0, everyAccount);
		}
		FewAtATime.run(tasks, LOOK_UPS_AT_ONCE, "pinbatch-look-up");
		int boardLists = (int) boardsByAccount.values().stream().filter(Optional::isPresent).count();
		return new Prefetched(accounts().size(), boardLists, lookUps.get() - before);
	}

	static boolean isBoardId(String board) {
		return BOARD_ID.matcher(board).matches();
	}

	private BoardResolution resolveInNamedAccount(String accountRef, String board) {
		Account account;
		if (ACCOUNT_ID.matcher(accountRef).matches()) {
			// an id is trusted as given: the list hides accounts of profiles over the plan limit
			account = accountWithId(accountRef).orElse(new Account(accountRef, null, null, true));
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

	private Optional<Account> accountWithId(String id) {
		return accounts().stream().filter(candidate -> candidate.id().equalsIgnoreCase(id)).findFirst();
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

	/**
	 * A board id is looked for in the account's boards too, as a name is: before, one was taken as given, so a dry run
	 * called VALID the row whose board Zernio then refused (and a board named "2027" could not be named).
	 */
	private BoardResolution resolveInAccount(Account account, String board) {
		Optional<List<Board>> boards = boardsOf(account.id());
		if (boards.isEmpty()) {
			return BoardResolution.problem(account, BoardResolution.ACCOUNT_NOT_FOUND, "account " + account.id()
					+ " is not known to Zernio: check the account id, or use the account's username");
		}
		Optional<Board> match = boardIn(boards.get(), board);
		if (match.isPresent()) {
			return BoardResolution.resolved(account, match.get().id());
		}
		if (isBoardId(board)) {
			return BoardResolution.problem(account, BoardResolution.BOARD_NOT_FOUND, "board " + board
					+ " is not a board of account " + label(account) + lostDigits(board) + ": check the board id, or"
					+ " give the board's name" + boardHint(board, boards.get().stream().map(Board::name).toList(),
							label(account)));
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
		boolean byId = isBoardId(board);
		List<Account> holders = new ArrayList<>();
		String boardId = null;
		for (Account account : usable) {
			List<Board> boards = boardsOf(account.id()).orElse(List.of());
			Optional<Board> match = boardIn(boards, board);
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
					+ " is not among the boards of accounts " + accountList + lostDigits(board)
					+ "; add an account column or pass --account");
		}
		return boardNotFoundAnywhere(board, usable);
	}

	/**
	 * What a board id not found may have lost: a CSV keeps what a spreadsheet's number cell made of it, 15 digits
	 * then zeros. Empty for any other id.
	 */
	private static String lostDigits(String board) {
		return SpreadsheetDigits.mayHaveLostDigits(board) ? " (its last digits may have been lost: a spreadsheet that"
				+ " stored the id as a number keeps 15 digits and writes zeros for the rest — format the column as Text"
				+ " and retype the id)" : "";
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
						+ " must be reconnected; reconnect in Zernio, then run again with"
						+ " --retry-failed=<this result file>");
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
				+ label(account) + " is disconnected in Zernio: reconnect it in Zernio, then run again with"
				+ " --retry-failed=<this result file>");
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

	/**
	 * A row's board among an account's: with this id first when it is digits (Pinterest's ids), else (a board named
	 * "2027") or otherwise of this name, else with this very id (Zernio's spec makes ids plain strings).
	 */
	private static Optional<Board> boardIn(List<Board> boards, String board) {
		Optional<Board> byId = isBoardId(board)
				? boards.stream().filter(candidate -> board.equals(candidate.id())).findFirst() : Optional.empty();
		return byId.isPresent() ? byId : boardNamed(boards, board);
	}

	/** The board of this name, or else with this very id. */
	private static Optional<Board> boardNamed(List<Board> boards, String name) {
		String wanted = ClosestNames.normalize(name);
		Optional<Board> named = boards.stream()
			.filter(board -> ClosestNames.normalize(board.name()).equals(wanted))
			.findFirst();
		return named.isPresent() ? named : boards.stream().filter(board -> name.equals(board.id())).findFirst();
	}

	/** Each account's boards once; an account id Zernio does not know (400/404) is remembered as such. */
	private Optional<List<Board>> boardsOf(String accountId) {
		return boardsByAccount.computeIfAbsent(accountId, id -> {
			lookUps.incrementAndGet();
			holding();
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
