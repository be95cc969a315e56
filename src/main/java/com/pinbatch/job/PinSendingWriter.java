package com.pinbatch.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

import com.pinbatch.follow.PostOutcomes;
import com.pinbatch.follow.PublishFailure;
import com.pinbatch.input.InputChangedException;
import com.pinbatch.result.RequestIds;
import com.pinbatch.result.PinKey;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.Outcomes;
import com.pinbatch.throttle.ReplayWindow;
import com.pinbatch.throttle.SendOutcome;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.AccessRefusedException;
import com.pinbatch.zernio.EarlierPost;
import com.pinbatch.zernio.PostState;
import com.pinbatch.zernio.RetryRefusedException;
import com.pinbatch.zernio.SendResult;
import com.pinbatch.zernio.ZernioApiException;
import com.pinbatch.zernio.ZernioClient;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Sends a chunk's pins concurrently, waits for all of them, and records each row's outcome the moment it is known.
 * It never throws for one row's failure (a thrown exception would roll the chunk back and make Spring Batch send the
 * accepted pins again); it throws only when sending as a whole must stop (key rejected, Zernio down, interrupted),
 * which fails the step and leaves the unsent rows PENDING for the next run.
 */
public class PinSendingWriter implements ItemWriter<PreparedRow> {

	private final RunPlan plan;

	private final RowResultStore store;

	private final ExecutorService senders;

	private final RunProgress progress;

	private final GracefulStop stop;

	/** The code of a row not sent because Pinterest limited its account during the run. */
	static final String ACCOUNT_LIMITED = "account_limited";

	/** How old an unanswered send must be before the row is looked up on Zernio instead of resent. */
	private final Duration reconcileAfter;

	/**
	 * Accounts the run sends no more pins to, with what their rows not sent yet say instead: disconnected from Zernio,
	 * or limited by Pinterest for spam-like activity (a publish refused as {@code user_abuse}: more pins now would make
	 * it worse; Zernio's advice is to back off).
	 */
	private final Map<String, AccountHold> heldAccounts = new ConcurrentHashMap<>();

	/** How often a chunk waiting for its sends looks whether its run alone was asked to stop. */
	private static final long STOP_CHECK_MILLIS = 100;

	private final BooleanSupplier inputChanged;

	/**
	 * Set once the writer's thread, which looks ten times a second, finds the input saved again: the rows waiting for
	 * their turn are woken and leave the line at once (before, each waited its turn only to be held back then, minutes of an
	 * idle run at a small rate tier, the data folder locked).
	 */
	private volatile boolean changeSeen;

	/** The pins other runs sent: who made a post that Zernio names when it refuses a row's content. */
	private final EarlierPins earlierPins;

	/**
	 * @param inputChanged whether the input was saved again since the plan read it: its rows not sent by then are not
	 *                     sent (the user may have saved it to correct them)
	 */
	public PinSendingWriter(RunPlan plan, RowResultStore store, EarlierPins earlierPins, ExecutorService senders,
			RunProgress progress, GracefulStop stop, Duration reconcileAfter, BooleanSupplier inputChanged) {
		this.plan = plan;
		this.inputChanged = inputChanged;
		this.earlierPins = earlierPins;
		this.stop = stop;
		this.reconcileAfter = reconcileAfter;
		this.store = store;
		this.senders = senders;
		this.progress = progress;
	}

	@Override
	public void write(Chunk<? extends PreparedRow> chunk) throws Exception {
		List<Long> rows = new ArrayList<>();
		chunk.forEach(row -> rows.add(row.rowNumber()));
		// a resume re-reads the chunk that did not commit: some of its rows have an outcome stored already
		Map<Long, RowResult> earlier = store.find(plan.runKey(), rows);
		List<PreparedRow> toSend = new ArrayList<>();
		List<PreparedRow> decided = new ArrayList<>();
		for (PreparedRow row : chunk) {
			(row.isDecided() && row.retryOf() == null ? decided : toSend).add(row);
		}
		recordDecided(decided, earlier);
		Map<Long, Instant> sentWithoutAnswer = store.sentWithoutAnswer(plan.runKey(),
				toSend.stream().map(PreparedRow::rowNumber).toList());
		List<Future<?>> inFlight = new ArrayList<>();
		for (PreparedRow row : toSend) {
			RowResult done = earlier.get(row.rowNumber());
			if (done != null && done.status().succeeded()) {
				continue; // accepted by Zernio before a crash that lost this chunk's commit; counted at the start
			}
			Instant sentBefore = sentWithoutAnswer.get(row.rowNumber());
			inFlight.add(senders.submit(() -> send(row, sentBefore, done)));
		}
		try {
			awaitAll(inFlight);
		}
		catch (SendingStoppedException ex) {
			throw GracefulStop.asStepEnd(ex);
		}
		if (changeSeen || inputChanged.getAsBoolean()) {
			// rows of this chunk were left unsent: it must not commit, so that the run started again reads them again
			// (also when the file looks as planned again: a share that answered "missing" for a moment)
			throw new InputChangedException(plan.input());
		}
	}

	/**
	 * @param sentBefore when an earlier run sent this row and died before storing the answer, or null
	 * @param earlier    the row's stored outcome, or null
	 */
	private void send(PreparedRow row, Instant sentBefore, RowResult earlier) {
		if (row.retryOf() != null && retriedOnItsPost(row, earlier)) {
			return;
		}
		if (row.isDecided()) {
			record(row, row.decided(), earlier);
			return;
		}
		if (inputChanged.getAsBoolean()) {
			return; // not even waiting for its turn: the row stays as it is stored (PENDING, or sent unanswered)
		}
		String requestId = RequestIds.of(plan.runKey(), row.rowNumber(), plan.api().sandbox());
		Instant sentUnanswered = sentUnanswered(sentBefore, earlier);
		Instant mayExistSince = mayExistSince(row, sentUnanswered);
		if (mayExistSince != null && foundEarlier(row, requestId, mayExistSince, earlier)) {
			return;
		}
		// sent moments ago under its id, its answer lost (a crash), the row goes again under that id: Zernio answers
		// with the post it made, creating nothing, so it is no row "not sent" whatever became of its account since
		// (after a look-up, a row found has its post, and one not found was not created)
		boolean replayed = mayExistSince == null && sentUnanswered != null;
		AccountHold hold = replayed ? null : heldAccounts.get(row.accountId());
		if (hold != null) {
			record(row, hold.outcome(row, requestId), earlier);
			return;
		}
		SendOutcome outcome = sent(row, requestId, replayed ? sentUnanswered : null, earlier);
		if (outcome != null && replayed && outcome.attempts() == 0
				&& Outcomes.OUTCOME_UNKNOWN.equals(outcome.errorCode())) {
			// its turn came after Zernio's replay of its id had ended (long 429 waits at a small tier): looked for,
			// as a restart after that time would look for it, and sent when not found (before: outcome_unknown,
			// unsent, and a night that exits 3 for --retry-failed to send it)
			if (foundEarlier(row, requestId, sentUnanswered, earlier)) {
				return;
			}
			outcome = sent(row, requestId, null, earlier);
		}
		if (outcome == null) {
			return;
		}
		// a 409 naming another run's post asks who sent it once, for both the check and the message
		Map<String, Optional<String>> senders = new HashMap<>(1);
		Function<String, Optional<String>> senderOf = postId -> senders.computeIfAbsent(postId,
				earlierPins::senderOf);
		RowResult result = OutcomeTranslator.toResult(row, outcome, requestId, this::accountRefused,
				existingPostId -> whosePin(row, existingPostId, senderOf), senderOf);
		holdIfLimited(row, result);
		record(row, result, earlier);
	}

	/**
	 * Sends the row in its turn; null when it was held back at its turn (with the outcome recorded, if any).
	 *
	 * @param replaying when an earlier send under its id went unanswered, which this one repeats; null: none
	 */
	private SendOutcome sent(PreparedRow row, String requestId, Instant replaying, RowResult earlier) {
		try {
			return plan.api().sender().send(row.accountId(), row.accountLabel(), row.request(), requestId,
					new ReplayWindow(replaying, reconcileAfter), () -> {
						if (changeSeen) {
							throw new HeldBack(null);
						}
					}, () -> markSent(row, requestId, replaying != null));
		}
		catch (HeldBack heldBack) {
			if (heldBack.outcome != null) {
				record(row, heldBack.outcome, earlier);
			}
			return null;
		}
		catch (SendingStoppedException stop) {
			if (stop.createdNothing()) {
				// Zernio answered each send, and made no pin: no "sent, its answer never came", nothing to look for
				record(row, new RowResult(row.rowNumber(), RowStatus.PENDING, null, null,
						stop.reason() == SendingStoppedException.Reason.ACCESS_REFUSED
								? "refused, nothing created: " + stop.getMessage()
								: "not created: Zernio asked to wait (429 Too Many Requests) and the run stopped before"
										+ " this row went again; run the same command again",
						stop.attempts(), null, null), earlier);
			}
			throw stop;
		}
	}

	/** A pin refused as spam-like activity holds its account back for the rest of the run. */
	private void holdIfLimited(PreparedRow row, RowResult result) {
		if (result.status() == RowStatus.FAILED && PublishFailure.ACCOUNT_LIMITED.equals(result.errorCode())) {
			long limitedBy = row.rowNumber();
			heldAccounts.putIfAbsent(row.accountId(), new AccountHold(ACCOUNT_LIMITED,
					held -> limitedMessage(held, limitedBy)));
		}
	}

	/**
	 * Notes the row as sent, at the last moment before its first request leaves (after its turn, which may have taken
	 * long at a small rate tier), unless another run created its pin meanwhile: a run on another host, started after
	 * this one planned, of a file that shares this row. Then it is that pin, and nothing is sent. Nor is it when its
	 * account was held back while it waited (the whole input is one chunk, its rows in line together), unless it goes
	 * again under the id of a send whose answer was lost ({@code replayed}).
	 */
	private void markSent(PreparedRow row, String requestId, boolean replayed) {
		if (inputChanged.getAsBoolean()) {
			// checked before each chunk too, but a chunk is sent over minutes at a small rate tier: a row corrected in
			// the file meanwhile went out as it was read (and, once the run started again, as corrected)
			throw new HeldBack(null);
		}
		Optional<RowResult> pin = row.pinKey() == null ? Optional.empty()
				: earlierPins.createdElsewhere(row.rowNumber(), row.pinKey());
		if (pin.isPresent()) {
			throw new HeldBack(pin.get());
		}
		AccountHold hold = replayed ? null : heldAccounts.get(row.accountId());
		if (hold != null) {
			throw new HeldBack(hold.outcome(row, requestId));
		}
		RowResult storedMeanwhile = store.find(plan.runKey(), List.of(row.rowNumber())).get(row.rowNumber());
		if (storedMeanwhile != null && (storedMeanwhile.status().succeeded() || storedMeanwhile.postId() != null)) {
			// the run's lease went to another host while this row waited for its turn (this process frozen, say),
			// and that host sent it: marking it sent would wipe its pin out of the run's outcomes
			throw new HeldBack(storedMeanwhile);
		}
		store.markSent(plan.runKey(), row.rowNumber(), requestId, Instant.now(), row.pinKey(), replayed);
	}

	/** A row whose send is held back at its turn, with the outcome it gets instead, if any. */
	private static final class HeldBack extends RuntimeException {

		/** Null: the row stays as it is stored (its input was saved again meanwhile). */
		private final transient RowResult outcome;

		HeldBack(RowResult outcome) {
			super(null, null, false, false);
			this.outcome = outcome;
		}
	}

	/**
	 * --retry-failed of a row whose pin failed to publish (for a passing reason, its account, its media at a web
	 * address): when its post still carries the mark of the row's cells (the user did not change the row), the same
	 * post is published again ({@code POST /v1/posts/{id}/retry}) and nothing is created; the run's follow step
	 * learns the outcome if the answer does not hold it. A pin Pinterest removed after publishing it stays as it is
	 * when its row is unchanged, as does one whose account this run holds back (a retry Pinterest refused for
	 * spam-like activity: more would make it worse). A changed row, or a post that cannot be told unchanged, is sent
	 * as a new pin.
	 */
	private boolean retriedOnItsPost(PreparedRow row, RowResult earlier) {
		RowResult failed = row.retryOf();
		ZernioClient client = plan.api().client();
		Optional<PostState> unchanged;
		try {
			// the mark this version sends, or an earlier version's, of every cell as it was
			unchanged = client.postCarryingAny(failed.postId(), PostRequestFactory.METADATA_CELLS,
					Stream.of(row.cellsMark(), row.formerCellsMark()).filter(Objects::nonNull).toList());
		}
		catch (AccessRefusedException rejected) {
			throw rejected;
		}
		catch (ZernioApiException unchecked) {
			// Zernio could not say now whether the post is the row's: neither a retry nor a second post on a guess
			// (before: taken for a changed row, created anew beside its failed post); the row keeps its failure
			record(row, PostOutcomes.unreadable(failed, "its post could not be checked now (" + unchecked.getMessage()
					+ "): run --retry-failed with this result file again"), earlier);
			return true;
		}
		if (unchanged.isEmpty()) {
			return false;
		}
		if (PublishFailure.takenAway(failed.errorCode()) || heldAccounts.containsKey(row.accountId())) {
			// pinned again only when the user changed the row; not asked again of an account held back in this run
			record(row, failed, earlier);
			return true;
		}
		Instant now = Instant.now();
		RowResult publishing = new RowResult(row.rowNumber(), RowStatus.CREATED, failed.postId(), null, null,
				"sent to Pinterest again on its post (the row is unchanged)", failed.attempts(), failed.requestId(),
				now, failed.publishAt());
		// the post's retries are counted whoever asked for them (a run's following, a follow-up, this option): its
		// message says how often it failed again, and the following allows no more than pinbatch.follow.max-retries
		int retriedBefore = store.publishRetries(List.of(failed.postId())).getOrDefault(failed.postId(), 0);
		RowResult retried;
		try {
			retried = PostOutcomes.apply(publishing, client.retryPost(failed.postId()), retriedBefore + 1, now);
			store.publishRetried(failed.postId(), retriedBefore + 1, now);
		}
		catch (RetryRefusedException refused) {
			// the post and its failure stay, saying why Zernio did not publish it again; the run goes on
			retried = PostOutcomes.retryRefused(publishing, unchanged.get(), retriedBefore, refused, now);
		}
		retried = retried.withPublishAt(failed.publishAt());
		holdIfLimited(row, retried);
		record(row, retried, earlier);
		// the run that failed the post reports it as it stands now, when its input is named again
		store.learnt(List.of(retried));
		return true;
	}

	/**
	 * How pinbatch created the post Zernio names as having this row's content, when it did it for this very pin: an
	 * earlier attempt of this row (the post carries its run and row), another run that sent the same pin (another
	 * input of the same command, sent side by side), or a row with the same pin cells (the post carries their mark);
	 * null otherwise.
	 */
	private String whosePin(PreparedRow row, String existingPostId, Function<String, Optional<String>> senderOf) {
		// another run's send made this very post, or has not learnt yet what it made (it may be in flight still)
		boolean sentElsewhere = row.pinKey() != null && store.sentElsewhere(row.pinKey(), plan.runKey())
			.map(RowResultStore.EarlierPin::result)
			.filter(other -> existingPostId.equals(other.postId()) || other.postId() == null
					&& (other.status() == RowStatus.PENDING
							|| UnknownOutcomes.mayExist(other.status().name(), other.errorCode())))
			.isPresent();
		if (sentElsewhere) {
			// named when its answer is stored: an earlier run's pin, or another input's already answered
			return senderOf.apply(existingPostId)
				.orElse("another run sent the same pin (another file with this row, sent at the same time)");
		}
		String madeFor = madeForThisPin(row, existingPostId);
		if (madeFor != null) {
			return madeFor;
		}
		// this row as an earlier run sent it, at another time (its date changed, or the zone it is read in), and
		// moved in Zernio since to the time the row now gives, or given with an offset that no zone changes; only when
		// nothing else of the row changed (a title is no part of what Zernio compares: a changed one was taken for the
		// post, which kept the old title)
		Optional<String> sender = senderOf.apply(existingPostId);
		if (sender.isPresent() && row.request().scheduledFor() != null && sameContent(row, existingPostId)
				&& plan.api().client().schedule(existingPostId)
			.filter(schedule -> schedule.scheduledAt(Instant.parse(row.request().scheduledFor())))
			.isPresent()) {
			return sender.get() + ", and it is scheduled for the time this row gives";
		}
		return null;
	}

	/**
	 * Whether the row that sent the post was this row but for its time; taken so when that row's content is not known
	 * (sent by a version that did not keep it).
	 */
	private boolean sameContent(PreparedRow row, String existingPostId) {
		PinKey pin = row.pinKey();
		return pin != null && pin.content() != null
				&& store.contentOfPost(existingPostId, pin.target()).map(pin.content()::equals).orElse(true);
	}

	/**
	 * How pinbatch made Zernio's existing post for this pin, as its metadata shows: for this row of this run (an
	 * earlier attempt whose answer was lost), or for a row with every pin cell as this one's (the same file saved with
	 * other rows changed, or sent from another job repository, another machine's say) when it stands at the row's
	 * time; null otherwise. A post that cannot be checked now counts as not ours: the row fails and a --retry-failed
	 * checks again.
	 */
	private String madeForThisPin(PreparedRow row, String existingPostId) {
		List<Map<String, String>> marks = new ArrayList<>();
		marks.add(PostRequestFactory.identity(row.request()).metadata());
		String cells = row.request().metadata() == null ? null
				: row.request().metadata().get(PostRequestFactory.METADATA_CELLS);
		if (cells != null) {
			marks.add(Map.of(PostRequestFactory.METADATA_CELLS, cells)); // the mark sent with the row's pin
		}
		Optional<ZernioClient.CarriedMetadata> carried;
		try {
			carried = plan.api().client().firstCarried(existingPostId, marks);
		}
		catch (AccessRefusedException rejected) {
			throw rejected;
		}
		catch (ZernioApiException unchecked) {
			return null;
		}
		if (carried.isEmpty()) {
			return null;
		}
		if (carried.get().which() == 0) {
			return "an earlier attempt of this row created it and its answer was lost";
		}
		// the same cells read another way (another --timezone or --spread) put the pin at another time: not this one
		PostState post = carried.get().state();
		String time = row.request().scheduledFor();
		if (post.scheduledFor() != null && (time == null || !post.scheduledFor().equals(Instant.parse(time)))) {
			return null;
		}
		return "a row with every pin cell as this one's created it (this file as it was saved before, or the same pin"
				+ " sent from another job repository)";
	}

	/**
	 * When an attempt of this run sent the row under its id without its answer being kept: a send that died before
	 * its answer was stored, or that ended with an unknown outcome (a later resume); null when none did.
	 */
	static Instant sentUnanswered(Instant sentBefore, RowResult earlier) {
		if (earlier == null || earlier.status() == RowStatus.PENDING) {
			return sentBefore;
		}
		if (!UnknownOutcomes.mayExist(earlier.status().name(), earlier.errorCode())) {
			return null;
		}
		// when it was first sent, as the replay of its id counts (before: when its outcome was stored, minutes later
		// after a long wait, so a prompt restart sent it again past the replay)
		return sentBefore != null ? sentBefore : earlier.finishedAt();
	}

	/**
	 * Since when the row's pin may already exist on Zernio, so it is looked for before being sent again; null when
	 * sending is safe. It may exist after a send of this run whose answer was lost ({@code sentUnanswered}), and after
	 * an earlier result file's such send (--retry-failed, under another x-request-id). Within {@code reconcileAfter}
	 * Zernio's own duplicate answers cover this run's sends.
	 */
	private Instant mayExistSince(PreparedRow row, Instant sentUnanswered) {
		if (row.mayExistSince() != null) {
			return row.mayExistSince();
		}
		return sentUnanswered != null && sentUnanswered.isBefore(Instant.now().minus(reconcileAfter)) ? sentUnanswered
				: null;
	}

	/**
	 * Looks for the post an earlier send of the row may have created; when found, the row is a DUPLICATE of it. A
	 * post recognised only by its content (the listing did not carry the row's metadata) is said so in the message.
	 */
	private boolean foundEarlier(PreparedRow row, String requestId, Instant sentBefore, RowResult earlier) {
		Optional<EarlierPost> post = plan.api().client().findEarlierPost(row.accountId(),
				sentBefore.minus(Duration.ofHours(1)), PostRequestFactory.identity(row.request()));
		post.ifPresent(found -> record(row, new RowResult(row.rowNumber(), RowStatus.DUPLICATE, found.id(), null,
				found.byMetadata() ? "found on Zernio by its metadata: an earlier attempt created it and its answer"
						+ " was lost"
						: "found on Zernio by its account, text, media and publish time (its metadata was not listed):"
								+ " an earlier attempt most likely created it; if post " + found.id() + " is not this"
								+ " row's pin, change the row's description and send it as a new input",
				0, requestId, Instant.now()), earlier));
		return post.isPresent();
	}

	/** An account Zernio refuses (disconnected, or its profile over the plan's limit) is sent no more pins. */
	private String accountRefused(PreparedRow row, SendResult.AccountRefused refused) {
		Function<PreparedRow, String> message = SendResult.AccountRefused.OVER_LIMIT.equals(refused.code())
				? held -> overLimitMessage(held, refused.message())
				: PinSendingWriter::disconnectedMessage;
		heldAccounts.put(row.accountId(), new AccountHold(refused.code(), message));
		return message.apply(row);
	}

	/** Why an account's rows are no longer sent: their error code, and the message a row gets. */
	private record AccountHold(String code, Function<PreparedRow, String> message) {

		RowResult outcome(PreparedRow row, String requestId) {
			return failed(row, 0, requestId, code, message.apply(row));
		}
	}

	private static String limitedMessage(PreparedRow row, long limitedBy) {
		return "not sent: Pinterest limited account " + row.accountLabel() + " for unusual activity (it refused the"
				+ " pin of row " + limitedBy + " so), and more pins now would make it worse; check the account in"
				+ " Zernio and on Pinterest, give it a day, then run again with --retry-failed=<this result file>";
	}

	private static String overLimitMessage(PreparedRow row, String zernio) {
		return "account " + row.accountLabel() + " belongs to a Zernio profile beyond the plan's profile limit"
				+ " (Zernio: \"" + zernio + "\"); raise the plan's limit or move the account to a profile within it,"
				+ " then run again with --retry-failed=<this result file>";
	}

	private static String disconnectedMessage(PreparedRow row) {
		return "account " + row.accountLabel() + " is disconnected from Zernio; reconnect it in Zernio, then run "
				+ "again with --retry-failed=<this result file>";
	}

	private static RowResult failed(PreparedRow row, int attempts, String requestId, String code, String message) {
		return new RowResult(row.rowNumber(), RowStatus.FAILED, null, code, message, attempts, requestId,
				Instant.now());
	}

	/** @param earlier the row's outcome stored by an earlier run, or null: it is replaced, not counted again */
	private void record(PreparedRow row, RowResult outcome, RowResult earlier) {
		RowResult result = outcome.withPublishAt(row.scheduledFor());
		store.save(plan.runKey(), result, row.accountLabel(), row.accountId());
		counted(result, earlier, !row.isDecided());
	}

	/** Rows decided without a request (invalid, dry run, over a cap): stored together, one statement for all. */
	private void recordDecided(List<PreparedRow> rows, Map<Long, RowResult> earlier) {
		List<RowResultStore.Outcome> outcomes = rows.stream()
			.map(row -> new RowResultStore.Outcome(row.decided().withPublishAt(row.scheduledFor()), row.accountLabel(),
					row.accountId()))
			.toList();
		store.saveAll(plan.runKey(), outcomes);
		outcomes.forEach(outcome -> counted(outcome.result(), earlier.get(outcome.result().rowNumber()), false));
	}

	/** @param sentHere whether this run may have sent the row (not one decided without a request) */
	private void counted(RowResult result, RowResult earlier, boolean sentHere) {
		if (earlier != null && earlier.status() != RowStatus.PENDING) {
			progress.rowDoneAgain(earlier.status(), result, sentHere);
		}
		else {
			progress.rowDone(result, sentHere);
		}
	}

	/**
	 * Waits for every send; on a stop, cancels the sends not yet finished and rethrows the reason. The sending threads
	 * are shared by every input's run, so a stop of this run alone cancels only its own sends.
	 */
	private void awaitAll(List<Future<?>> inFlight) throws InterruptedException {
		RuntimeException stop = null;
		for (Future<?> future : inFlight) {
			try {
				if (stop != null) {
					future.cancel(true);
				}
				else {
					awaitUnlessStopped(future);
				}
			}
			catch (SendingStoppedException ex) {
				stop = ex;
				inFlight.forEach(pending -> pending.cancel(true));
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				stop = cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
				inFlight.forEach(pending -> pending.cancel(true));
			}
			catch (CancellationException ex) {
				// cancelled after an earlier stop
			}
			catch (InterruptedException ex) {
				inFlight.forEach(pending -> pending.cancel(true));
				throw new SendingStoppedException(SendingStoppedException.Reason.INTERRUPTED,
						"stopped on request; run the same command again to resume");
			}
		}
		if (stop != null) {
			throw stop;
		}
	}

	/** @throws SendingStoppedException when this run was stopped on its own while the send was still waiting */
	private void awaitUnlessStopped(Future<?> future) throws InterruptedException, ExecutionException {
		while (true) {
			// before each wait too: once the run is stopped, sends that would finish quickly are not waited for
			this.stop.throwIfRequested(plan.runKey());
			if (!changeSeen && inputChanged.getAsBoolean()) {
				changeSeen = true;
				if (plan.api() != null) {
					plan.api().sender().askWaitingRows();
				}
			}
			try {
				future.get(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
				return;
			}
			catch (TimeoutException ex) {
				// not yet: look again whether the run was stopped
			}
		}
	}
}
