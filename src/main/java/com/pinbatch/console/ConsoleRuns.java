package com.pinbatch.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.pinbatch.job.ApiSession;
import com.pinbatch.job.ApiSessionSource;
import com.pinbatch.job.RunProgress;
import com.pinbatch.result.RowStatus;
import com.pinbatch.run.ExitCode;
import com.pinbatch.run.FollowUpRuns;
import com.pinbatch.run.InputOutcome;
import com.pinbatch.run.PinImportRuns;
import com.pinbatch.run.RunListener;
import com.pinbatch.run.RunOutcome;
import com.pinbatch.run.RunRequest;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.SafeText;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The console's one way to run the job: checks an upload without sending (the review) and sends it (in the
 * background, watched by the watch page), through the same launcher the command line uses. Every run the console
 * starts goes through {@link #launch}, the only place that knows the launcher.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleRuns implements AutoCloseable {

	/** How long the console, stopping, waits for its run to stop cleanly (the chunk in flight ends first). */
	private static final Duration STOP_WAIT = Duration.ofMinutes(1);

	/**
	 * The review's result file, beside the upload: an uploaded file's stored name never starts with a dot, so an
	 * upload named like it (a review's result file fed back) is not refused as its own result file.
	 */
	private static final String REVIEW_RESULTS = ".review.results.csv";

	/** Why a send stopped with its Stop button ended; the upload's page has the Send that goes on. */
	static final String STOPPED_HERE = "stopped with Stop: rows not sent are PENDING: Send on the upload's page sends"
			+ " them, and none of the others again";

	/** {@link #STOPPED_HERE} once every row was sent: only what became of the pins was still to learn. */
	static final String STOPPED_HERE_FOLLOWING = "stopped with Stop while learning what became of the pins (no row is"
			+ " PENDING): Follow up, below, learns the rest";

	/** A send stopped before its turn came. */
	static final String STOPPED_BEFORE_ITS_TURN = "stopped with Stop before its turn came: nothing of it was sent;"
			+ " Send on the upload's page sends it";

	/** How the job parameter run.by names a console user's runs. */
	static final String STARTED_BY = "console: ";

	private final ConsoleProperties settings;

	private final PinImportRuns runs;

	private final FollowUpRuns followUps;

	private final GracefulStop gracefulStop;

	private final WaitingSends waitingSends;

	private final ApiSessionSource sessions;

	private final Map<String, DryRun> reviews = new ConcurrentHashMap<>();

	private final Map<String, LiveRun> started = new ConcurrentHashMap<>();

	/**
	 * One send or follow-up at a time: each starts after the one before it has ended, so that its plan finds the
	 * accounts' slots that send took (a check needs no turn).
	 */
	private final ReentrantLock oneAtATime = new ReentrantLock();

	private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "console-run");
		thread.setDaemon(true); // a run stops with the console (the job's own stop ends it cleanly first)
		return thread;
	});

	ConsoleRuns(ConsoleProperties settings, PinImportRuns runs, FollowUpRuns followUps, GracefulStop gracefulStop,
			WaitingSends waitingSends, ApiSessionSource sessions) {
		this.settings = settings;
		this.waitingSends = waitingSends;
		this.sessions = sessions;
		this.runs = runs;
		this.followUps = followUps;
		this.gracefulStop = gracefulStop;
	}

	/** Checks every row of the upload as a dry run: nothing is sent. */
	DryRun review(Upload upload) {
		LiveRun listener = new LiveRun(RandomIds.next(), upload, false);
		// named after the file (a download of it is then not a hidden file named for no input); an upload's stored
		// name is never its own name with more added, so the two cannot meet
		String stored = upload.file().getFileName().toString();
		int dot = stored.lastIndexOf('.');
		Path results = upload.folder().resolve((dot > 0 ? stored.substring(0, dot) : stored) + REVIEW_RESULTS);
		// a check sends nothing: it goes on beside the console's send, whose progress it does not touch
		Launched launched = launch(upload, true, results, listener);
		// a refusal is the page's own line: not once more among how the file was read
		DryRun review = launched.refusal() != null ? DryRun.refused(listener.lines().stream()
			.filter(line -> !line.equals(launched.refusal())).toList(), launched.refusal())
				: new DryRun(listener.lines(), null, launched.resultFile());
		reviews.put(upload.id(), review);
		return review;
	}

	/**
	 * The account a reviewed row's pin goes to, by the name the plan gives it: the row's own, else the upload's, else
	 * the account of its board as the review looked it up; null when nothing tells (no key, an unknown board).
	 */
	String accountOf(Upload upload, String rowAccount, String board) {
		// as the job resolves a row: its own cells, else the upload's choices, else empty
		String account = orElse(rowAccount, upload.account());
		String boardRef = orElse(board, upload.board());
		try {
			ApiSession api = sessions.session(settings.sandbox() ? ApiSessionSource.SANDBOX : ApiSessionSource.ZERNIO);
			Optional<String> looked = api == null ? Optional.empty() : api.boards().accountLabel(account, boardRef);
			if (looked.isPresent()) {
				return looked.get();
			}
		}
		catch (RuntimeException cannotAsk) {
			// no key, or Zernio not answering: the row's own name stands
		}
		return account.isEmpty() ? null : account;
	}

	private static String orElse(String cell, String chosen) {
		return cell != null && !cell.isBlank() ? cell.strip() : chosen == null ? "" : chosen.trim();
	}

	Optional<DryRun> lastReview(Upload upload) {
		return Optional.ofNullable(reviews.get(upload.id()));
	}

	/**
	 * What a press of "Send" (or "Follow up") came to: the run it started, or the one already going on the same file
	 * ({@code already}), which is not started twice.
	 */
	record Started(LiveRun run, boolean already) {
	}

	/**
	 * Sends the upload in the background; while a run of the same upload is still going, nothing is started and that
	 * run is the answer (one run per input at a time, as on the command line; the job's run lease also holds across
	 * processes).
	 */
	synchronized Started send(Upload upload) {
		Optional<LiveRun> going = going(upload);
		if (going.isPresent()) {
			return new Started(going.get(), true);
		}
		return inBackground(upload, false, run -> {
			Launched launched = launch(upload, false, null, run);
			return new LiveRun.Ended(launched.exitCode(), launched.refusal(), launched.resultFile(), launched.counts());
		});
	}

	/**
	 * Asks Zernio what became of a finished run's rows that are not final yet (the command line's
	 * {@code --follow-up=RESULTS} on its result file, written again in place), in the background. Refused, as a send
	 * is, while a run of the same upload goes on.
	 */
	synchronized Started followUp(Upload upload, Path resultFile) {
		Optional<LiveRun> going = going(upload);
		if (going.isPresent()) {
			return new Started(going.get(), true);
		}
		return inBackground(upload, true, run -> followUp(resultFile, run));
	}

	/** Starts {@code work} as a run of its own, after the console's run before it (one at a time). */
	private Started inBackground(Upload upload, boolean followUp, Function<LiveRun, LiveRun.Ended> work) {
		LiveRun run = new LiveRun(RandomIds.next(), upload, followUp);
		started.put(run.id(), run);
		if (oneAtATime.isLocked()) {
			run.say("waiting for the console's run before it to end");
		}
		if (!followUp) {
			waitingSends.waiting(upload, run.id(), run.started());
		}
		background.execute(() -> {
			LiveRun.Ended ended;
			oneAtATime.lock();
			run.turn();
			try {
				if (!followUp && !gracefulStop.wasRequested()) {
					// its turn: from here the job repository knows it (a send the console's stop ends at once did
					// not start, and stays told as dropped; one its person stopped is not waiting any more either)
					waitingSends.started(upload, run.id());
				}
				ended = run.stopAsked() ? new LiveRun.Ended(ExitCode.STOPPED.code(), STOPPED_BEFORE_ITS_TURN, null,
						Map.of()) : work.apply(run);
			}
			finally {
				oneAtATime.unlock();
			}
			run.end(ended);
		});
		return run.asStarted();
	}

	/**
	 * Stop, pressed on a send's page: a send still waiting for its turn will not start; one under way stops as the
	 * command line's does on Ctrl-C (no more pins are sent, the rest stay PENDING), alone: a review or the
	 * console's other work goes on. A follow-up creates nothing and ends by itself: it has no Stop.
	 */
	void stop(LiveRun run) {
		if (run.followUp() || !run.running() || run.stopAsked()) {
			return;
		}
		run.askStop();
		run.say(run.waiting() ? "Stop pressed: this send will not start" : "Stop pressed: no more pins are sent");
		String runKey = run.runKey();
		if (runKey != null) {
			gracefulStop.stopRun(runKey, STOPPED_HERE);
		}
		// else its job has not begun: it is stopped as it begins (listener)
	}

	private LiveRun.Ended followUp(Path resultFile, LiveRun run) {
		RunOutcome outcome = followUps.run(resultFile, resultFile, settings.sandbox(), listener(run));
		if (outcome.inputs().isEmpty()) {
			return new LiveRun.Ended(outcome.exitCode().code(), shown(run, outcome.reason()), resultFile, Map.of());
		}
		InputOutcome followed = outcome.inputs().get(0);
		return new LiveRun.Ended(followed.exitCode().code(), shown(run, followed.stopReason()), resultFile,
				followed.counts());
	}

	/**
	 * A line of the launcher as the run's page shows it; a follow-up's way to go on is its button here, not the
	 * command (nor sending the file again).
	 */
	private static String shown(LiveRun run, String line) {
		String said = run.followUp() && line != null ? FOLLOW_UP_AGAIN.matcher(line).replaceAll(
				"press Follow up again to go on") : line;
		// Stop pressed once every row was sent (said from the outcome, not from when it was pressed: the last rows
		// may have been sent meanwhile): the launcher adds that no row is PENDING to the stop's own words, which
		// spoke of rows not sent; said here once, in the run's lines and its reason alike
		int stopped = said == null ? -1 : said.indexOf(STOPPED_HERE + " — ");
		if (stopped >= 0) {
			said = said.substring(0, stopped) + STOPPED_HERE_FOLLOWING;
		}
		return run.upload().shown(said);
	}

	private static final Pattern FOLLOW_UP_AGAIN = Pattern.compile(
			"run the same command again(?: to (?:go on|resume|learn the rest))?");

	/** The run of the upload's file going on now (a send, or a follow-up), if one is. */
	Optional<LiveRun> going(Upload upload) {
		return started.values()
			.stream()
			.filter(run -> run.running() && run.upload().file().equals(upload.file()))
			.findFirst();
	}

	/** Whether this console has had a run of the upload since it started (its page reads the upload's files). */
	boolean hasRunOf(Upload upload) {
		return started.values().stream().anyMatch(run -> run.upload().id().equals(upload.id()));
	}

	/** The run, only for the person who started it. */
	Optional<LiveRun> find(String id, String owner) {
		return Optional.ofNullable(started.get(id)).filter(run -> run.upload().owner().equals(owner));
	}

	/** The console's runs of this person, newest first. */
	List<LiveRun> of(String owner) {
		List<LiveRun> mine = new ArrayList<>(started.values().stream().filter(run -> run.upload().owner().equals(owner))
			.toList());
		mine.sort((a, b) -> b.started().compareTo(a.started()));
		return mine;
	}

	/** What a launch came to, in the console's terms. */
	record Launched(int exitCode, String refusal, Path resultFile, Map<RowStatus, Long> counts) {
	}

	/**
	 * The one call into the launcher.
	 *
	 * @param results where the result file goes; null: beside the upload, as the command line names it
	 */
	private Launched launch(Upload upload, boolean dryRun, Path results, LiveRun listener) {
		RunRequest request = new RunRequest(List.of(upload.file()), results, upload.retry(), upload.sheet(),
				upload.encoding(), upload.mappingFile(), upload.account(), upload.board(), upload.timezone(),
				upload.dateFormat(), "now", upload.spread(), null, false, dryRun, settings.sandbox(),
				STARTED_BY + upload.owner());
		RunOutcome outcome;
		try {
			outcome = runs.run(request, listener(listener));
		}
		catch (RuntimeException ex) {
			// the launcher reports a user's mistake as an outcome: anything else is the console's to tell in one line
			return new Launched(ExitCode.STOPPED.code(), "the run stopped: " + SafeText.line(String.valueOf(
					ex.getMessage())), null, Map.of());
		}
		if (outcome.inputs().isEmpty()) {
			return new Launched(outcome.exitCode().code(), outcome.reason() == null ? "nothing was processed"
					: upload.shown(outcome.reason()), null, Map.of());
		}
		InputOutcome input = outcome.inputs().get(0);
		return new Launched(input.exitCode().code(), shown(listener, input.stopReason()), input.resultFile(),
				input.counts());
	}

	/** What the launcher says goes to the run's page. */
	private RunListener listener(LiveRun run) {
		return new RunListener() {

			@Override
			public void info(String line) {
				problem(line);
			}

			@Override
			public void problem(String line) {
				String shown = shown(run, line);
				run.say(shown.startsWith("pinbatch: ") ? shown.substring("pinbatch: ".length()) : shown);
			}

			@Override
			public void running(String runKey) {
				run.running(runKey);
				if (run.stopAsked()) {
					// Stop pressed while the file was read, before its job had a key: stopped as it begins
					gracefulStop.stopRun(runKey, STOPPED_HERE);
				}
			}

			@Override
			public AutoCloseable sending(RunProgress progress) {
				run.sending(progress);
				return run::sent; // the counters are the process's: the next run starts them again
			}
		};
	}

	/**
	 * The console stops (Ctrl-C, a reboot): its run stops as a command line's does, storing what it knows and giving
	 * its input back, before the job repository closes under it; its page in the history then leads to going on.
	 */
	@Override
	public void close() {
		gracefulStop.request();
		background.shutdown(); // runs still queued start, find the stop asked for and end at once
		try {
			if (!background.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				background.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			background.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}
}
