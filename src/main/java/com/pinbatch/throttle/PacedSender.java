package com.pinbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.pinbatch.plan.CapAdvice;
import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.RequestGate;
import com.pinbatch.zernio.SendResult;

/**
 * Sends pins to Zernio as fast as its limits allow and no faster, for many threads at once: per-account caps first
 * (counted at each pin's publish time, see {@link AccountCaps}; a capped account fails its rows at once and never
 * slows the others), then the global pace, then the send, resent with the same request id after a 429, 5xx or
 * missing answer. A run of server or network failures, a rejected key or an interrupt stops all sending with
 * {@link SendingStoppedException}.
 * <p>
 * Build one per job run: a stop is final for the instance, and the account windows only know this run's creates.
 */
public final class PacedSender {

	/** Zernio's 429 with requests left says nothing more precise; re-probing a capped account risks a cooldown. */
	private static final Duration ACCOUNT_PARK_FLOOR = Duration.ofMinutes(1);
	private static final Duration ACCOUNT_PARK_UNKNOWN = Duration.ofHours(1);

	private final PostAttempt attempt;
	private final int maxAttempts;
	private final ThrottleListener listener;
	private final Clock clock;
	private final Sleeper sleeper;
	private final AccountCaps caps;
	private final AdaptivePace pace;
	private final RetryDelays delays;
	private final ApiBreaker breaker;
	private final SendCounters counters = new SendCounters();
	/** Requests Zernio let through (any answer but a 429): whether the window opened since a row was refused. */
	private final AtomicLong admitted = new AtomicLong();
	private final PacedCalls otherCalls;
	/** Why sending stopped for good (a rejected key), for the threads still waiting for their turn. */
	private volatile SendingStoppedException stopped;

	public PacedSender(PostAttempt attempt, ThrottleSettings settings) {
		this(attempt, settings, ThrottleListener.NONE);
	}

	public PacedSender(PostAttempt attempt, ThrottleSettings settings, ThrottleListener listener) {
		this(attempt, settings, listener, Clock.systemUTC(), Sleeper.REAL);
	}

	public PacedSender(PostAttempt attempt, ThrottleSettings settings, ThrottleListener listener, Clock clock,
			Sleeper sleeper) {
		this.attempt = Objects.requireNonNull(attempt, "attempt");
		this.maxAttempts = settings.maxAttempts();
		this.listener = Objects.requireNonNull(listener, "listener");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
		this.caps = new AccountCaps(settings.accountHourlyCap(), settings.accountDailyCap(), clock);
		this.pace = new AdaptivePace(settings, clock, sleeper, listener);
		this.delays = new RetryDelays(settings, clock);
		this.breaker = new ApiBreaker(settings.breakerFailureThreshold(), clock);
		this.otherCalls = new PacedCalls(pace, delays, counters, listener, maxAttempts, sleeper);
	}

	/**
	 * Sends one row until it has a final outcome.
	 *
	 * @param accountId the Zernio account the pin goes to: the key of its caps, and its name in messages
	 * @param requestId the row's {@code x-request-id}, sent unchanged on every attempt
	 * @throws SendingStoppedException when no row can be sent any more; this row stays unfinished
	 */
	public SendOutcome send(String accountId, CreatePostRequest request, String requestId) {
		return send(accountId, accountId, request, requestId, () -> {
		});
	}

	/**
	 * Sends one row until it has a final outcome, telling {@code beforeFirstRequest} once, when its first request is
	 * about to leave: not for a row its account's cap refuses, nor while it waits for its turn (a row noted as sent
	 * there would be looked for on Zernio after a crash, for a post that cannot exist). When it throws, the row is
	 * held back: nothing is sent, its place against its account's caps is freed, and the exception is the caller's.
	 *
	 * @param accountId    the Zernio account the pin goes to: the key of its caps
	 * @param accountLabel the account's name in messages (its username)
	 * @param requestId    the row's {@code x-request-id}, sent unchanged on every attempt
	 * @throws SendingStoppedException when no row can be sent any more; this row stays unfinished
	 */
	public SendOutcome send(String accountId, String accountLabel, CreatePostRequest request, String requestId,
			Runnable beforeFirstRequest) {
		return send(accountId, accountLabel, request, requestId, ReplayWindow.NONE, beforeFirstRequest);
	}

	/**
	 * The same, for a row whose answer may have been lost before: it is not sent again under its id once Zernio's
	 * replay of that id may have ended (after a long wait for its turn, say), which would make a second pin; it ends
	 * {@code outcome_unknown} instead, for a look-up on Zernio before it is sent again.
	 */
	public SendOutcome send(String accountId, String accountLabel, CreatePostRequest request, String requestId,
			ReplayWindow replay, Runnable beforeFirstRequest) {
		return send(accountId, accountLabel, request, requestId, replay, () -> {
		}, beforeFirstRequest);
	}

	/**
	 * The same, asking {@code whileWaiting} each time the row wakes in line for its first request's turn (the head of
	 * the line ten times a second, the others when rung: {@link #askWaitingRows} rings them all): when it throws, the
	 * row leaves the line, held back as when {@code beforeFirstRequest} throws. It must be cheap: the rows of a chunk
	 * wait together.
	 */
	public SendOutcome send(String accountId, String accountLabel, CreatePostRequest request, String requestId,
			ReplayWindow replay, Runnable whileWaiting, Runnable beforeFirstRequest) {
		try {
			stopIfInterrupted();
			CapSlot slot = CapSlot.of(request);
			Optional<AccountCaps.Refusal> refusal = slot.reserve(caps, accountId);
			if (refusal.isPresent()) {
				counters.capRefusal();
				return Outcomes.accountCapped(null, 0, refusal.get(), accountLabel);
			}
			RowSends row = new RowSends(accountId, request, slot.scheduledFor, requestId, whileWaiting,
					beforeFirstRequest, replay);
			try {
				return sendWithRetries(row, accountLabel);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw row.said(interrupted());
			}
			catch (SendingStoppedException stop) {
				throw row.said(stop);
			}
			finally {
				slot.settle(caps, accountId, row.mayHaveCreated());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw interrupted();
		}
	}

	/**
	 * Wakes every row waiting in line to ask again whether it is still wanted ({@code whileWaiting}): one asleep for
	 * a 429's hold would ask only once the hold ended.
	 */
	public void askWaitingRows() {
		pace.wakeEveryone();
	}

	/** A run starts: sending that an earlier run's outage stopped may go again (see {@link ApiBreaker#newRun}). */
	public void newRun() {
		stopped = null;
		breaker.newRun();
	}

	/**
	 * The gate for this run's other Zernio calls (account and board look-ups, upload slots, searches): they take
	 * their turn at the same pace and hold with the creates, because they fill the same request window.
	 */
	public RequestGate requestGate() {
		return otherCalls;
	}

	public ThrottleStats stats() {
		return counters.snapshot(pace.perMinute());
	}

	/** Stops every sending thread: the key was refused, or the proxy wants credentials, so no request can succeed. */
	private SendingStoppedException stopFor(String reason) {
		stopped = new SendingStoppedException(SendingStoppedException.Reason.ACCESS_REFUSED, reason);
		pace.wakeEveryone();
		return stopped;
	}

	private SendOutcome sendWithRetries(RowSends row, String accountLabel) throws InterruptedException {
		while (true) {
			pace.awaitTurn(() -> {
				checkStillSending();
				if (row.attempts == 0) {
					row.whileWaiting.run();
				}
			});
			stopIfInterrupted();
			checkStillSending();
			if (row.replayEnds != null && !clock.instant().isBefore(row.replayEnds)) {
				// before: sent again after a 429's long wait, past the replay, and Zernio made a second pin
				return Outcomes.replayPassed(row.last, row.attempts);
			}
			SendResult result = sendOnce(row);
			if (result instanceof SendResult.Unauthorized unauthorized) {
				throw stopFor("Zernio rejected the API key (401: " + unauthorized.message()
						+ "); nothing more is sent; check the key, then run the same command to resume");
			}
			if (result instanceof SendResult.AccessRefused refused) {
				throw stopFor(refused.problem() + "; nothing more is sent: run the same command again to resume");
			}
			if (result instanceof SendResult.RateLimited refusal) {
				counters.rateLimited();
				boolean accountLevel = ServerHints.accountLevel(result.rateLimit());
				listener.onRateLimited(row.accountId, result.rateLimit(), accountLevel);
				if (ServerHints.rowAskedToWait(refusal) && !row.waitedAsAsked && row.charged < maxAttempts) {
					// this row waits out its Retry-After once and goes again, while the key, which has room, goes on
					// (before: failed at once as over its account's cap); refused again, it is the account's cap
					// below, so an account's rows never hold every sending thread for long
					row.waitedAsAsked = true;
					Duration wait = ServerHints.retryAfter(result.rateLimit()).orElseThrow();
					listener.onWait("resending after " + Outcomes.describe(result), wait);
					counters.retry();
					sleeper.sleep(wait);
					continue;
				}
				if (accountLevel) {
					return Outcomes.accountCapped(result, row.attempts, row.scheduledFor != null
							? slotRefused(row.accountId, row.scheduledFor, refusal)
							: parkAccount(row.accountId, refusal), accountLabel);
				}
				row.windowRefused(admitted.get());
			}
			if (!isTransient(result)) {
				return Outcomes.finalAnswer(result, row.attempts);
			}
			if (row.charged >= maxAttempts) {
				return Outcomes.exhausted(result, row.attempts, row.outcomeUnknown);
			}
			Duration wait = delays.after(row.attempts, result);
			if (result instanceof SendResult.RateLimited) {
				// the request window is used up for every thread, not just this one
				pace.refused(wait);
			}
			else {
				listener.onWait("resending after " + Outcomes.describe(result), wait);
			}
			counters.retry();
			sleeper.sleep(wait);
		}
	}

	private SendResult sendOnce(RowSends row) {
		if (row.attempts == 0) {
			row.beforeFirstRequest.run();
		}
		row.attempts++;
		row.charged++;
		row.sentAt = clock.instant();
		listener.onAttempt(row.accountId, row.requestId, row.attempts);
		counters.sendStarted();
		long started = System.nanoTime();
		SendResult result;
		row.inFlight = true;
		try {
			result = Objects.requireNonNull(attempt.attempt(row.request, row.requestId), "send result");
			row.inFlight = false;
		}
		finally {
			counters.sendEnded();
		}
		row.answered(result);
		if (!(result instanceof SendResult.RateLimited)) {
			admitted.incrementAndGet();
			pace.admitted();
		}
		pace.observe(result.rateLimit());
		breaker.record(result, System.nanoTime() - started);
		if (breaker.isOpen()) {
			pace.wakeEveryone();
		}
		return result;
	}

	/** Throws when sending stopped for good: the key was rejected, or the breaker is open. */
	private void checkStillSending() {
		SendingStoppedException stop = stopped;
		if (stop != null) {
			throw new SendingStoppedException(stop.reason(), stop.getMessage());
		}
		breaker.checkClosed();
	}

	/**
	 * Zernio refused a pin scheduled for later at its account's cap: the cap is full around that time, which says
	 * nothing of the account's pins at other times, today's pins published at once included. The account is not
	 * parked; the row fails for its slot.
	 */
	private static AccountCaps.Refusal slotRefused(String accountId, Instant scheduledFor,
			SendResult.RateLimited result) {
		SendResult.AccountLimit limit = result.accountLimit();
		String why = CapAdvice.noFreeSlot(scheduledFor,
				"Zernio's " + (limit.kind() == null ? "hourly or daily" : limit.kind()) + " posting cap");
		return new AccountCaps.Refusal(accountId, why, null, scheduledFor);
	}

	/**
	 * Zernio refused the account although the key has requests left: its own count of the account's pins (which may
	 * include pins made elsewhere) is at a cap. Its immediate pins are refused until the account really frees: the
	 * latest of when Zernio says it resets, when it says to come back, and when this run's own count frees it.
	 */
	private AccountCaps.Refusal parkAccount(String accountId, SendResult.RateLimited result) {
		Instant now = clock.instant();
		SendResult.AccountLimit limit = result.accountLimit();
		Instant until = ServerHints.waitHint(result.rateLimit(), now)
			.map(hint -> now.plus(ServerHints.max(hint, ACCOUNT_PARK_FLOOR)))
			.orElse(null);
		until = later(until, limit.resetsAt());
		until = later(until, caps.freesAt(accountId));
		String why = limit.kind() == null ? "was held back by Zernio (its hourly or daily posting cap, or a cooldown)"
				: "reached Zernio's " + limit.kind() + " posting cap"
						+ (limit.max() > 0 ? " (" + limit.max() + (limit.kind().equals("daily") ? " pins per day)"
								: " pins per hour)") : "");
		caps.park(accountId, until == null ? now.plus(ACCOUNT_PARK_UNKNOWN) : until, why);
		return new AccountCaps.Refusal(accountId, why, until);
	}

	private static Instant later(Instant one, Instant other) {
		if (one == null || other == null) {
			return one == null ? other : one;
		}
		return one.isAfter(other) ? one : other;
	}

	private static boolean isTransient(SendResult result) {
		return result instanceof SendResult.RateLimited || result instanceof SendResult.ServerError
				|| result instanceof SendResult.NoAnswer;
	}

	private static void stopIfInterrupted() {
		if (Thread.currentThread().isInterrupted()) {
			throw interrupted();
		}
	}

	private static SendingStoppedException interrupted() {
		return new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED,
				"interrupted; nothing more is sent; run the same command to resume");
	}

	/**
	 * What a pin takes from its account's caps: a slot at once ({@code publishNow}), a slot at its
	 * {@code scheduledFor}, or none (a draft or a post for the profile's queue: it goes live at no instant we set).
	 */
	private static final class CapSlot {

		private static final CapSlot NONE = new CapSlot(false, null);
		private static final CapSlot NOW = new CapSlot(true, null);

		private final boolean counts;
		private final Instant scheduledFor;

		private CapSlot(boolean counts, Instant scheduledFor) {
			this.counts = counts;
			this.scheduledFor = scheduledFor;
		}

		static CapSlot of(CreatePostRequest request) {
			if (Boolean.TRUE.equals(request.publishNow())) {
				return NOW;
			}
			if (request.scheduledFor() == null || request.scheduledFor().isBlank()) {
				return NONE;
			}
			try {
				return new CapSlot(true, Instant.parse(request.scheduledFor()));
			}
			catch (DateTimeParseException e) {
				// Zernio refuses the pin itself, with a message saying why; it creates nothing to count
				return NONE;
			}
		}

		Optional<AccountCaps.Refusal> reserve(AccountCaps caps, String accountId) throws InterruptedException {
			if (!counts) {
				return Optional.empty();
			}
			return scheduledFor == null ? caps.reserve(accountId) : caps.reserve(accountId, scheduledFor);
		}

		void settle(AccountCaps caps, String accountId, boolean mayHaveCreated) {
			if (!counts) {
				return;
			}
			if (scheduledFor == null) {
				if (mayHaveCreated) {
					caps.confirm(accountId);
				}
				else {
					caps.release(accountId);
				}
			}
			else if (mayHaveCreated) {
				caps.confirm(accountId, scheduledFor);
			}
			else {
				caps.release(accountId, scheduledFor);
			}
		}
	}

	/** The sends of one row so far. */
	private static final class RowSends {

		final String accountId;
		final CreatePostRequest request;
		/** When the pin is to publish; null: at once, or at no time we set. */
		final Instant scheduledFor;
		final String requestId;
		final Runnable whileWaiting;
		final Runnable beforeFirstRequest;
		int attempts;
		/** The attempts that count toward giving the row up. */
		int charged;
		private long admittedAtLastRefusal = -1;
		SendResult last;
		boolean outcomeUnknown;
		/** Whether the row already waited out a 429 about its account that asked it to come back shortly. */
		boolean waitedAsAsked;
		/** When the row's latest request left. */
		Instant sentAt;
		/** Its latest request left and no answer came back (yet, or ever: the thread was stopped meanwhile). */
		boolean inFlight;
		private final ReplayWindow replay;
		/** Until when a send again under its id is answered with the post a lost answer may have made; null: any. */
		Instant replayEnds;

		RowSends(String accountId, CreatePostRequest request, Instant scheduledFor, String requestId,
				Runnable whileWaiting, Runnable beforeFirstRequest, ReplayWindow replay) {
			this.replay = replay;
			this.replayEnds = replay.earlierUnanswered() == null ? null : replay.endsAfter(replay.earlierUnanswered());
			this.accountId = accountId;
			this.request = request;
			this.scheduledFor = scheduledFor;
			this.requestId = requestId;
			this.whileWaiting = whileWaiting;
			this.beforeFirstRequest = beforeFirstRequest;
		}

		/**
		 * A 429 that came when others' requests got through since this row's last one is a storm come back, met by
		 * the row that happened to go first after the wait (the refused row is ready first), not a Zernio that
		 * stays shut: it does not count toward giving the row up, or a row among those sent between 429 storms
		 * failed after 6 of them while the rest went through. A 429 with nothing let through since still counts,
		 * so a Zernio that refuses everything ends the row's tries as before.
		 */
		void windowRefused(long admittedNow) {
			if (admittedAtLastRefusal >= 0 && admittedNow > admittedAtLastRefusal) {
				charged--;
			}
			admittedAtLastRefusal = admittedNow;
		}

		void answered(SendResult result) {
			last = result;
			boolean unknown = result instanceof SendResult.ServerError || result instanceof SendResult.NoAnswer;
			outcomeUnknown |= unknown;
			if (unknown && replayEnds == null) {
				replayEnds = replay.endsAfter(sentAt);
			}
		}

		/**
		 * The stop as this row's thread throws it: one whose sends were all answered without a pin (a refusal for
		 * the key, or a 429 it was waiting out) says so; not one sent again under its id after an earlier process's
		 * send of it went unanswered (that send may have made the pin: the next run must look for it).
		 */
		SendingStoppedException said(SendingStoppedException stop) {
			boolean refusedForTheKey = last instanceof SendResult.Unauthorized
					|| last instanceof SendResult.AccessRefused;
			return attempts > 0 && !inFlight && !outcomeUnknown && replay.earlierUnanswered() == null
					&& (refusedForTheKey || last instanceof SendResult.RateLimited)
							? stop.ofARowThatCreatedNothing(attempts) : stop;
		}

		/**
		 * Whether this row used one of its account's creates: a 201, or a send without a clear answer that a
		 * refusal did not follow (a later duplicate answer then most likely found our own earlier post).
		 */
		boolean mayHaveCreated() {
			if (last instanceof SendResult.Created) {
				return true;
			}
			return outcomeUnknown && !(last instanceof SendResult.Rejected)
					&& !(last instanceof SendResult.AccountRefused);
		}
	}
}
