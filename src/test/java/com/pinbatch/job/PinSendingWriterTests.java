package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.pinbatch.input.InputChangedException;
import com.pinbatch.result.PinKey;
import com.pinbatch.result.RequestIds;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;
import com.pinbatch.schema.PinbatchSchema;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.throttle.ReplayWindow;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.throttle.Sleeper;
import com.pinbatch.throttle.ThrottleListener;
import com.pinbatch.throttle.ThrottleSettings;
import com.pinbatch.zernio.CreatePostRequest;
import com.pinbatch.zernio.PostState;
import com.pinbatch.zernio.RateLimitInfo;
import com.pinbatch.zernio.SendResult;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.Chunk;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writer on a resume (the chunk that did not commit is handed to it again, with outcomes stored already), and
 * when its run alone is stopped while its sends wait behind another run's on the shared sending threads.
 */
class PinSendingWriterTests {

	/** The input as the run planned it, all along. */
	private static final BooleanSupplier STILL_AS_PLANNED = () -> false;


	private static final String RUN = "run-key";

	private final ExecutorService senders = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopSenders() {
		senders.shutdownNow();
	}

	@Test
	void rowsDoneBeforeTheResumeAreNotCountedTwice() throws Exception {
		// given: a run stopped mid-chunk after rows 1-3 had their outcome stored; the resume starts from them
		RowResultStore store = store();
		store.save(RUN, created(1));
		store.save(RUN, invalid(2));
		store.save(RUN, invalid(3));
		RunProgress progress = new RunProgress(Clock.systemUTC());
		progress.start(5, store.countByStatus(RUN));
		PinSendingWriter writer = new PinSendingWriter(plan(null), store, earlierPins(store), senders, progress,
				new GracefulStop(null, senders, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);

		// when: the whole chunk comes again (row 1 to send, found created; 2-5 invalid)
		writer.write(new Chunk<>(List.of(PreparedRow.toSend(1, "acct", "acme-home", null, null),
				PreparedRow.decided(invalid(2)), PreparedRow.decided(invalid(3)), PreparedRow.decided(invalid(4)),
				PreparedRow.decided(invalid(5)))));

		// then
		RunProgress.Snapshot now = progress.snapshot();
		assertThat(now.done()).isEqualTo(5);
		assertThat(now.total()).isEqualTo(5);
		assertThat(now.count(RowStatus.INVALID)).isEqualTo(4);
		assertThat(now.doneNow()).isEqualTo(2);
	}

	/** Before: a retry's first progress line read "342 pins/min" of the pins its result file carried over. */
	@Test
	void rowsCarriedOverFromAnEarlierResultFileAreNoPinsThisRunSent() throws Exception {
		// given: a --retry-failed of a file whose row 2 a run published (one attempt, its post)
		RowResultStore store = store();
		RunProgress progress = new RunProgress(Clock.systemUTC());
		progress.start(2, store.countByStatus(RUN));
		PinSendingWriter writer = new PinSendingWriter(plan(null), store, earlierPins(store), senders, progress,
				new GracefulStop(null, senders, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);

		// when
		writer.write(new Chunk<>(List.of(PreparedRow.decided(new RowResult(2, RowStatus.PUBLISHED, "post-2", null, null,
				1, "r2", Instant.parse("2026-12-01T10:00:00Z"))), PreparedRow.decided(invalid(3)))));

		// then: both rows done, none of them sent now
		RunProgress.Snapshot now = progress.snapshot();
		assertThat(now.done()).isEqualTo(2);
		assertThat(now.count(RowStatus.PUBLISHED)).isEqualTo(1);
		assertThat(now.pinsOnZernio()).isZero();
		assertThat(now.sends().sent()).isZero();
	}

	@Test
	void aRunStoppedAloneCancelsItsWaitingSendsAndLeavesTheOtherRunsSendsAlone() throws Exception {
		// given: the two sending threads are busy with another input's sends; this run's chunk waits behind them
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean otherInterrupted = new AtomicBoolean();
		Runnable otherSend = () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				otherInterrupted.set(true);
			}
		};
		List<Future<?>> others = List.of(pool.submit(otherSend), pool.submit(otherSend));
		GracefulStop stop = new GracefulStop(null, pool, RunKey.PARAMETER);
		RowResultStore store = store();
		PinSendingWriter writer = new PinSendingWriter(plan(null), store, earlierPins(store), pool, new RunProgress(Clock.systemUTC()),
				stop, Duration.ofMinutes(10), STILL_AS_PLANNED);
		ExecutorService chunk = Executors.newSingleThreadExecutor();
		try {
			Future<?> writing = chunk.submit(() -> {
				writer.write(new Chunk<>(List.of(PreparedRow.toSend(1, "acct", "acme-home", null, null),
						PreparedRow.toSend(2, "acct", "acme-home", null, null))));
				return null;
			});

			// when: this process lost this input's lease
			stop.stopRun(RUN, "garden.csv: stopped: this process lost its lease on the input");

			// then: the chunk ends as stopped (Spring Batch's interruption) with the run's reason, its sends never
			// went out, the other run's are untouched
			Throwable thrown = catchThrowable(() -> writing.get(30, TimeUnit.SECONDS));
			assertThat(thrown).hasCauseInstanceOf(JobInterruptedException.class)
				.hasRootCauseInstanceOf(SendingStoppedException.class)
				.hasRootCauseMessage("garden.csv: stopped: this process lost its lease on the input");
			assertThat(store.sentWithoutAnswer(RUN, List.of(1L, 2L))).as("nothing marked as sent").isEmpty();
			assertThat(others).noneMatch(Future::isDone);
			release.countDown();
			for (Future<?> other : others) {
				other.get(30, TimeUnit.SECONDS);
			}
			assertThat(otherInterrupted).as("the other run's sends were not interrupted").isFalse();
			assertThat(pool.isShutdown()).as("the sending threads go on for the other runs").isFalse();
		}
		finally {
			chunk.shutdownNow();
			pool.shutdownNow();
		}
	}

	@Test
	void aRowStoppedWhileWaitingForItsTurnIsNotNotedAsSent() throws Exception {
		GracefulStop stop = new GracefulStop(null, senders, RunKey.PARAMETER);
		try (SecondRowWaiting chunk = new SecondRowWaiting(stop, STILL_AS_PLANNED)) {
			// when: the run is stopped (Ctrl-C, a lost lease) while that row waits
			stop.stopRun(RUN, "stopped on request; run the same command again to resume");
			catchThrowable(chunk::ended);

			// then: only the row that went out may exist on Zernio; the resume sends the other without looking for it
			assertThat(chunk.requests).hasValue(1);
			assertThat(chunk.store.countByStatus(RUN)).containsExactly(Map.entry(RowStatus.CREATED, 1L));
			assertThat(chunk.store.sentWithoutAnswer(RUN, List.of(1L, 2L))).as("rows noted as sent without an answer")
				.isEmpty();
		}
	}

	@Test
	void rowsWaitingForTheirTurnLeaveTheLineAsSoonAsTheInputIsSavedAgain() throws Exception {
		AtomicBoolean saved = new AtomicBoolean();
		try (SecondRowWaiting chunk = new SecondRowWaiting(new GracefulStop(null, senders, RunKey.PARAMETER),
				saved::get)) {
			// when: the input is saved again while that row waits
			saved.set(true);

			// then: the chunk ends at once as changed, the row not sent (before: it waited its minute first, and a
			// chunk of 2,000 rows at 60 requests a minute kept an idle run going for half an hour)
			assertThat(catchThrowable(chunk::ended)).hasCauseInstanceOf(InputChangedException.class);
			assertThat(chunk.requests).hasValue(1);
			assertThat(chunk.store.sentWithoutAnswer(RUN, List.of(1L, 2L))).isEmpty();
		}
	}

	@Test
	void aChunkWhoseRowsLeftTheLineDoesNotCommitEvenIfTheInputLooksAsPlannedAgain() throws Exception {
		// given: the input looks changed while a row waits for its turn, then as planned again (a share that answered
		// "missing" for a moment)
		AtomicInteger asked = new AtomicInteger();
		AtomicBoolean away = new AtomicBoolean();
		try (SecondRowWaiting chunk = new SecondRowWaiting(new GracefulStop(null, senders, RunKey.PARAMETER),
				() -> away.get() && asked.incrementAndGet() <= 3)) {
			// when
			away.set(true);

			// then: the chunk does not commit with row 2 neither sent nor stored (before: it did, and the run went
			// on past it)
			assertThat(catchThrowable(chunk::ended)).hasCauseInstanceOf(InputChangedException.class);
			assertThat(chunk.requests).hasValue(1);
		}
	}

	/**
	 * A chunk of two rows at one request a minute, being written: the first row was sent and its answer stored, the
	 * other waits a minute for its turn.
	 */
	private final class SecondRowWaiting implements AutoCloseable {

		final RowResultStore store = store();

		final AtomicInteger requests = new AtomicInteger();

		private final ExecutorService chunk = Executors.newSingleThreadExecutor();

		private final Future<?> writing;

		SecondRowWaiting(GracefulStop stop, BooleanSupplier inputChanged) throws InterruptedException {
			PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(null, null, creating(requests, 1), null,
					false)), store, earlierPins(store), senders, new RunProgress(Clock.systemUTC()), stop,
					Duration.ofMinutes(10), inputChanged);
			CreatePostRequest pin = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
					null);
			writing = chunk.submit(() -> {
				writer.write(new Chunk<>(List.of(PreparedRow.toSend(1, "acct", "acme-home", pin, null),
						PreparedRow.toSend(2, "acct", "acme-home", pin, null))));
				return null;
			});
			while (store.countByStatus(RUN).isEmpty()) {
				Thread.sleep(10);
			}
		}

		/** Waits for the chunk's end, bounded: a row left waiting its minute fails the test. */
		void ended() throws Exception {
			writing.get(30, TimeUnit.SECONDS);
		}

		@Override
		public void close() {
			chunk.shutdownNow();
		}
	}

	@Test
	void aRowAnotherHostSentWhileItWaitedForItsTurnIsNotSentNorMarkedSent() throws Exception {
		// given: one sending thread, so row 2 waits while row 1 is sent; as row 1's request reaches Zernio, the
		// run's lease has gone to another host (this process was frozen), which has sent row 2
		RowResultStore store = store();
		RowResult otherHosts = new RowResult(2, RowStatus.SCHEDULED, "post-of-host-b", null, null, 1, "r2",
				Instant.now());
		AtomicInteger requests = new AtomicInteger();
		PacedSender sender = creating(requests, 6000, () -> store.save(RUN, otherHosts));
		ExecutorService oneSender = Executors.newSingleThreadExecutor();
		try {
			PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(null, null, sender, null, false)),
					store, earlierPins(store), oneSender, new RunProgress(Clock.systemUTC()),
					new GracefulStop(null, oneSender, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);
			CreatePostRequest pin = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
					null);

			// when
			writer.write(new Chunk<>(List.of(PreparedRow.toSend(1, "acct", "acme-home", pin, null),
					PreparedRow.toSend(2, "acct", "acme-home", pin, null))));

			// then: row 2 is not sent again, and keeps the other host's pin (before: noted as sent, PENDING, its pin
			// lost from the run's outcomes, and the run ended with it PENDING for good)
			assertThat(requests).hasValue(1);
			assertThat(store.find(RUN, List.of(2L)).get(2L)).isEqualTo(otherHosts);
		}
		finally {
			oneSender.shutdownNow();
		}
	}

	@Test
	void aConflictWithThePinAnotherInputOfTheCommandIsSendingIsThatPinsDuplicate() throws Exception {
		// given: another input of the same command (a copy of this row in another file, its run side by side) sent
		// the same pin moments ago and has no answer yet; Zernio answers this row's create with 409, naming its post
		RowResultStore store = store();
		PinKey pin = new PinKey("0123456789abcdef0123456789abcdef", ApiSessionSource.ZERNIO);
		store.markSent("other-input", 7, "r7", Instant.now(), pin);
		PacedSender sender = new PacedSender((request, requestId) -> new SendResult.ContentExists("post-of-other-input",
				"This exact content is already scheduled", new RateLimitInfo(100, 99, null, null)),
				new ThrottleSettings(100, 1, 1.0, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
						Duration.ofMinutes(5), 8));
		PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(null, null, sender, null, false)), store,
				earlierPins(store), senders, new RunProgress(Clock.systemUTC()),
				new GracefulStop(null, senders, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);
		CreatePostRequest request = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
				null);

		// when
		writer.write(new Chunk<>(List.of(PreparedRow.toSend(2, "acct", "acme-home", request, pin))));

		// then: the row is on Pinterest as that pin, not FAILED as content from elsewhere
		RowResult row = store.find(RUN, List.of(2L)).get(2L);
		assertThat(row.status()).isEqualTo(RowStatus.DUPLICATE);
		assertThat(row.postId()).isEqualTo("post-of-other-input");
		assertThat(row.errorMessage()).contains("another run sent the same pin");
	}

	@Test
	void aPinAnotherHostsRunCreatedAfterThisRunStartedIsNotSentAgain() throws Exception {
		// given: this run started (it knew of no other run's pin); a run on another host, of another file sharing
		// this row, then created the row's pin
		RowResultStore store = store();
		EarlierPins earlierPins = earlierPins(store);
		PinKey pin = new PinKey("0123456789abcdef0123456789abcdef", ApiSessionSource.ZERNIO);
		store.markSent("other-host-run", 7, "r7", Instant.now(), pin);
		store.save("other-host-run", created(7));
		AtomicInteger requests = new AtomicInteger();
		PacedSender sender = creating(requests, 100);
		PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(null, null, sender, null, false)), store,
				earlierPins, senders, new RunProgress(Clock.systemUTC()),
				new GracefulStop(null, senders, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);
		CreatePostRequest request = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
				null);

		// when: this run reaches the row
		writer.write(new Chunk<>(List.of(PreparedRow.toSend(2, "acct", "acme-home", request, pin))));

		// then: nothing is sent; the row is that pin
		assertThat(requests).hasValue(0);
		RowResult row = store.find(RUN, List.of(2L)).get(2L);
		assertThat(row.status()).isEqualTo(RowStatus.DUPLICATE);
		assertThat(row.postId()).isEqualTo("post-7");
		assertThat(row.errorMessage()).contains("created this pin from its row 7", "not sent again");
	}

	@Test
	void aRowSentJustBeforeACrashGoesAgainUnderItsIdNotHeldBackAsNotSentForItsLimitedAccount() throws Exception {
		// given: the run, before it died, sent row 2 (its answer never stored); on the resume Pinterest refuses row 1's
		// pin for the account's unusual activity, which holds the account back; Zernio replays row 2's post
		RowResultStore store = store();
		store.markSent(RUN, 2, RequestIds.of(RUN, 2, false), Instant.now(), null);
		RateLimitInfo window = new RateLimitInfo(100, 99, null, null);
		List<String> sent = new CopyOnWriteArrayList<>();
		PacedSender sender = new PacedSender((request, requestId) -> {
			sent.add(requestId);
			return requestId.equals(RequestIds.of(RUN, 1, false))
					? new SendResult.Created("post-1", new PostState("post-1", PostState.Phase.FAILED, null,
							"Your account has been temporarily limited due to unusual activity.", "user_abuse",
							"platform"), window)
					: new SendResult.Duplicate("post-2", "Request already processed", PostState.unknown("post-2"),
							window);
		}, new ThrottleSettings(100, 1, 1.0, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
				Duration.ofMinutes(5), 8));
		ExecutorService oneAtATime = Executors.newSingleThreadExecutor(); // row 1's refusal before row 2's turn
		try {
			PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(null, null, sender, null, false)),
					store, earlierPins(store), oneAtATime, new RunProgress(Clock.systemUTC()),
					new GracefulStop(null, oneAtATime, RunKey.PARAMETER), Duration.ofMinutes(10), STILL_AS_PLANNED);
			CreatePostRequest pin = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
					null);

			// when
			writer.write(new Chunk<>(List.of(PreparedRow.toSend(1, "acct", "acme-home", pin, null),
					PreparedRow.toSend(2, "acct", "acme-home", pin, null))));
		}
		finally {
			oneAtATime.shutdownNow();
		}

		// then: row 2 names the post its first send made (before: "not sent" for the limited account, its post on
		// Zernio named by no row)
		Map<Long, RowResult> rows = store.find(RUN, List.of(1L, 2L));
		assertThat(rows.get(1L).errorCode()).isEqualTo("publish_account_limited");
		assertThat(rows.get(2L).postId()).isEqualTo("post-2");
		assertThat(rows.get(2L).errorCode()).isNotEqualTo(PinSendingWriter.ACCOUNT_LIMITED);
		assertThat(sent).containsExactly(RequestIds.of(RUN, 1, false), RequestIds.of(RUN, 2, false));
	}

	@Test
	void aRowWhoseOutcomeIsUnknownIsTimedFromItsFirstSendNotFromWhenItsOutcomeWasStored() {
		// given: row 2 first sent five minutes ago, its answer lost; sent again under its id after a long 429 wait, it
		// ended outcome_unknown a minute ago, before its run was stopped
		RowResultStore store = store();
		Instant firstSent = Instant.now().minus(Duration.ofMinutes(5));
		String requestId = RequestIds.of(RUN, 2, false);
		store.markSent(RUN, 2, requestId, firstSent, null);
		store.markSent(RUN, 2, requestId, Instant.now().minus(Duration.ofMinutes(2)), null, true);
		RowResult unknown = new RowResult(2, RowStatus.FAILED, null, "outcome_unknown", "it is not known...", 3,
				requestId, Instant.now().minus(Duration.ofMinutes(1)));
		store.save(RUN, unknown);

		// when
		Instant sent = PinSendingWriter.sentUnanswered(store.sentWithoutAnswer(RUN, List.of(2L)).get(2L), unknown);

		// then: the replay of its id is counted from its first send (before: from a minute ago, and the resume sent it
		// again under its id, past Zernio's replay: a second pin)
		assertThat(sent).isEqualTo(firstSent.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}

	/**
	 * A run stopped just after sending row 2 (its answer not kept) is resumed at once, and the row's turn comes five
	 * minutes on (429 storms at a small tier), after Zernio's replay of its id has ended. Before: outcome_unknown,
	 * never sent, a night ending with exit 3 and "the pin may exist" for a pin nowhere (cron operator review).
	 */
	@Test
	void aRowWhoseTurnCameAfterZerniosReplayOfItsIdIsLookedForThenSent() throws Exception {
		// given
		RowResultStore store = store();
		String requestId = RequestIds.of(RUN, 2, false);
		store.markSent(RUN, 2, requestId, Instant.now().minusSeconds(30), null);
		List<String> sent = new CopyOnWriteArrayList<>();
		PacedSender fiveMinutesOn = new PacedSender((request, id) -> {
			sent.add(id);
			return new SendResult.Created("post-2", new RateLimitInfo(100, 99, null, null));
		}, new ThrottleSettings(100, 100, 1.0, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
				Duration.ofMinutes(5), 8), ThrottleListener.NONE, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)),
				Sleeper.REAL);
		CreatePostRequest pin = new CreatePostRequest("Modern kitchen ideas", null, null, null, true, null, null,
				null);
		try (ZernioSandbox zernio = ZernioSandbox.start(SandboxSettings.defaults())) {
			ZernioClient client = new ZernioClient(new ZernioClientSettings(URI.create(zernio.baseUrl()),
					ZernioSandbox.API_KEY, Duration.ofSeconds(2), Duration.ofSeconds(5)), JsonMapper.builder().build());
			PinSendingWriter writer = new PinSendingWriter(plan(new ApiSession(client, null, fiveMinutesOn, null,
					false)), store, earlierPins(store), senders, new RunProgress(Clock.systemUTC()),
					new GracefulStop(null, senders, RunKey.PARAMETER), ReplayWindow.COVERS, STILL_AS_PLANNED);

			// when
			writer.write(new Chunk<>(List.of(PreparedRow.toSend(2, "acct", "acme-home", pin, null))));

			// then: looked for on Zernio (nothing there), then sent once
			assertThat(zernio.requests()).extracting(RecordedRequest::method).containsExactly("GET");
		}
		RowResult row = store.find(RUN, List.of(2L)).get(2L);
		assertThat(row.status()).as(row.toString()).isEqualTo(RowStatus.CREATED);
		assertThat(row.postId()).isEqualTo("post-2");
		assertThat(sent).containsExactly(requestId);
	}

	/** A sender at {@code perMinute} whose every request creates its pin, counted in {@code requests}. */
	private static PacedSender creating(AtomicInteger requests, int perMinute) {
		return creating(requests, perMinute, () -> {
		});
	}

	/** The same, doing {@code onFirstRequest} as the first request reaches Zernio, before it is answered. */
	private static PacedSender creating(AtomicInteger requests, int perMinute, Runnable onFirstRequest) {
		return new PacedSender((request, requestId) -> {
			if (requests.incrementAndGet() == 1) {
				onFirstRequest.run();
			}
			return new SendResult.Created("post-" + requestId, new RateLimitInfo(perMinute, perMinute - 1, null, null));
		}, new ThrottleSettings(perMinute, 1, 1.0, 25, 25, 6, Duration.ofMillis(500), Duration.ofSeconds(60),
				Duration.ofMinutes(5), 8));
	}

	/** The run's plan as far as the writer reads it: its key and, for a test that sends, its API session. */
	private static RunPlan plan(ApiSession api) {
		return new RunPlan(null, null, RUN, null, null, null, null, null, null, false, api, CappedMessages.NONE);
	}

	/** The pins of other runs in the store, the files those runs read unknown. */
	private static EarlierPins earlierPins(RowResultStore store) {
		return new EarlierPins(store, run -> Optional.empty(), RUN, ApiSessionSource.ZERNIO);
	}

	private static RowResultStore store() {
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:writer" + System.nanoTime());
		dataSource.setUser("SA");
		PinbatchSchema.migrate(dataSource);
		RowResultStore store = new RowResultStore(dataSource);
		return store;
	}

	private static RowResult created(long row) {
		return new RowResult(row, RowStatus.CREATED, "post-" + row, null, null, 1, "r" + row, Instant.now());
	}

	private static RowResult invalid(long row) {
		return new RowResult(row, RowStatus.INVALID, null, "title_too_long", "title too long", 0, null,
				Instant.now());
	}
}
