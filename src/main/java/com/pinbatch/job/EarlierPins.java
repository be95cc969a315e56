package com.pinbatch.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.carrotsearch.hppc.LongHashSet;
import com.pinbatch.follow.PinFollower;
import com.pinbatch.follow.PublishFailure;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.WhenNoDate;
import com.pinbatch.result.PinKey;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.PostSchedule;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The pins other runs put on Zernio, by their identity ({@link PinIdentity}). A row whose pin another run created
 * (its spreadsheet saved again with rows added, or the same row in another file) is a DUPLICATE of that post: it is
 * not sent again, even past Zernio's own 24-hour duplicate check, and takes no place in the plan. Asked about every
 * row, so the identities are held in memory (8 bytes a pin) and the database is asked only about a row whose identity
 * is among them.
 */
class EarlierPins {

	private final RowResultStore store;

	private final String runKey;

	private final String target;

	private final LongHashSet onZernio;

	/**
	 * The sends of other runs that never learnt whether their pin was created, by identity, and when: few (a crash, a
	 * Zernio outage), so held whole.
	 */
	private final Map<String, Instant> sentWithoutAnswer;

	/**
	 * When the pins other runs put on Zernio publish, by run and account (as printed), from a day before this run on:
	 * they take their place against the accounts' caps in this run's plan.
	 */
	private final Map<String, Map<String, List<Instant>>> publishTimes = new HashMap<>();

	/**
	 * The pins other runs put on Zernio that then failed there for good (Pinterest refused or removed them, they were
	 * cancelled in Zernio), by identity: their rows are not pinned again as they are.
	 */
	private final LongHashSet failedOnZernio;

	/** The contents of the pins other runs made that still wait to be published (few: those scheduled ahead). */
	private final LongHashSet scheduledContents;

	/** Where the file an earlier run read is found, by its run key. */
	private final Function<String, Optional<Path>> fileOfRun;

	/** The file each earlier run read, by run key, for the rows' messages (the sending threads ask too). */
	private final Map<String, Optional<Path>> files = new ConcurrentHashMap<>();

	/**
	 * The run's own object behind the job scope's proxy: threads outside the job's scope (the senders) cannot resolve
	 * the proxy, and a call through it looks the bean up each time (a third of the plan step's time over a million
	 * rows, asked three times a row).
	 */
	static EarlierPins ofThisRun(EarlierPins earlierPins) {
		return earlierPins instanceof ScopedObject scoped ? (EarlierPins) scoped.getTargetObject() : earlierPins;
	}

	/** @param target where the run's pins go ({@link ApiSessionSource}) */
	EarlierPins(RowResultStore store, JobRepository jobs, String runKey, String target) {
		this(store, key -> fileOf(jobs, key), runKey, target);
	}

	/** @param fileOfRun the file the run with a key read, empty for a run the repository lost */
	EarlierPins(RowResultStore store, Function<String, Optional<Path>> fileOfRun, String runKey, String target) {
		this.store = store;
		this.fileOfRun = fileOfRun;
		this.runKey = runKey;
		// the sandbox's pins are its own; a dry run without a key is checked against the pins sent to Zernio
		this.target = ApiSessionSource.SANDBOX.equals(target) ? ApiSessionSource.SANDBOX : ApiSessionSource.ZERNIO;
		this.onZernio = store.pinsOnZernio(this.target, runKey, Instant.now().minus(Duration.ofDays(1)),
				(run, account, at) -> publishTimes.computeIfAbsent(run, key -> new HashMap<>())
					.computeIfAbsent(account, name -> new ArrayList<>()).add(at));
		this.sentWithoutAnswer = store.pinsSentWithoutAnswer(this.target, runKey, UnknownOutcomes.CODES);
		this.failedOnZernio = store.pinsFailedOnZernio(this.target, runKey, EarlierPins::standsForItsRow);
		this.scheduledContents = store.contentsScheduledAfter(this.target, runKey, Instant.now());
	}

	/**
	 * When other runs' pins publish (or published, within the last day), by account as printed, but for the runs
	 * {@code leftOut}: those under way beside this one, whose plans count all their pins.
	 */
	Map<String, List<Instant>> publishTimes(Set<String> leftOut) {
		Map<String, List<Instant>> times = new HashMap<>();
		publishTimes.forEach((run, byAccount) -> {
			if (!leftOut.contains(run)) {
				byAccount.forEach((account, at) -> times.computeIfAbsent(account, name -> new ArrayList<>()).addAll(at));
			}
		});
		return times;
	}

	/** How the rows of an input are told apart: the same for the plan and the sending. */
	static PinIdentity identities(ValidationSettings validation, WhenNoDate whenNoDate) {
		return new PinIdentity(validation, whenNoDate.name());
	}

	/** Whether no other run put a pin there, or may have: then no row needs looking up. */
	boolean none() {
		return onZernio.isEmpty() && sentWithoutAnswer.isEmpty() && failedOnZernio.isEmpty();
	}

	/**
	 * Whether a pin that failed on Zernio with this code stands for its row: one Pinterest refused or removed, or that
	 * was cancelled in Zernio (each night's run of a sheet created another failed post for the unchanged row, and
	 * pinned again the content someone had removed from Pinterest). A failure that may pass is not (a new run sends
	 * the row, and its pin may go through), nor a post deleted from Zernio (nothing of it stands).
	 */
	static boolean standsForItsRow(String errorCode) {
		return errorCode != null && !PinFollower.transientCode(errorCode) && !PublishFailure.DELETED.equals(errorCode)
				&& (errorCode.startsWith("publish_") || PublishFailure.CANCELLED.equals(errorCode));
	}

	/** Whether a pin with this {@link PinIdentity#prefix} may have failed on Zernio for good (see above). */
	boolean mayHaveFailed(long identityPrefix) {
		return failedOnZernio.contains(identityPrefix);
	}

	/**
	 * When another run sent this row's pin and never learnt whether it was created, if one did: its post is then
	 * looked for on Zernio before the row is sent (past Zernio's own duplicate windows too).
	 */
	Instant sentWithoutAnswer(String identity) {
		return identity == null ? null : sentWithoutAnswer.get(identity);
	}

	/** Whether a pin with this {@link PinIdentity#prefix} may be there (the plan leaves such a row out). */
	boolean mayHave(long identityPrefix) {
		return onZernio.contains(identityPrefix);
	}

	/** How the pin of a row with this identity (and content, if known), once sent, is found by later runs. */
	PinKey keyOf(String identity, String content) {
		return identity == null ? null : new PinKey(identity, target, content);
	}

	PinKey keyOf(String identity) {
		return keyOf(identity, null);
	}

	/** Whether another run's pin with this content ({@link PinIdentity#content}, prefix) may wait to publish. */
	boolean mayHaveScheduled(long contentPrefix) {
		return scheduledContents.contains(contentPrefix);
	}

	/** Whether another run's pin waits to be published: only then may a row be such a pin, moved. */
	boolean anyScheduled() {
		return !scheduledContents.isEmpty();
	}

	/**
	 * The outcome of a valid row that is not a pin another run made, but has the content of one that still waits to be
	 * published ({@link PinIdentity#content}): that pin with another time (the row's date moved, or the zone it is read
	 * in). It is not sent, since Zernio would then publish the same content twice: DUPLICATE of that pin when it is
	 * scheduled for the time the row gives (moved in Zernio too, or the same instant written another way), else
	 * FAILED, saying which post to move.
	 *
	 * @param publishAt when the row publishes (null: at once)
	 * @param zernio    asks where Zernio has a post now (a pin deleted or refused there is no pin: the row is sent);
	 *                  null: only the job repository is asked
	 */
	Optional<RowResult> movedPin(long rowNumber, String content, Instant publishAt,
			Function<String, Optional<PostSchedule>> zernio) {
		if (content == null || !scheduledContents.contains(PinIdentity.prefix(content))) {
			return Optional.empty();
		}
		Optional<RowResultStore.EarlierPin> scheduled = store.scheduledWithContent(content, target, runKey,
				Instant.now());
		if (scheduled.isEmpty()) {
			return Optional.empty();
		}
		RowResult pin = scheduled.get().result();
		Optional<PostSchedule> onZernio = zernio == null || publishAt != null && publishAt.equals(pin.publishAt())
				? Optional.of(new PostSchedule(false, pin.publishAt()))
				: zernio.apply(pin.postId());
		if (onZernio.isEmpty() || onZernio.get().gone()) {
			return Optional.empty(); // deleted or refused there since: no pin stands in the way
		}
		String madeBy = runOn(scheduled.get()) + " created it from its row " + pin.rowNumber();
		if (publishAt != null && onZernio.get().scheduledAt(publishAt)) {
			return Optional.of(new RowResult(rowNumber, RowStatus.DUPLICATE, pin.postId(), null, null, "already on"
					+ " Zernio as post " + pin.postId() + ", scheduled for the time this row gives: " + madeBy
					+ ", so it is not sent again", 0, null, Instant.now(), publishAt));
		}
		String asked = publishAt == null ? "publishing at once" : publishAt.toString();
		return Optional.of(new RowResult(rowNumber, RowStatus.FAILED, null, null, RowResult.PIN_MOVED, "post " + pin.postId()
				+ " has this row's pin, scheduled for " + pin.publishAt() + " (" + madeBy + "); the row now gives "
				+ asked + ". pinbatch does not move pins, and a second pin would publish the same content twice:"
				+ " in Zernio, reschedule post " + pin.postId() + (publishAt == null ? "" : " to " + publishAt)
				+ " (it is then this row's pin) or delete it (the pin is then created anew), then run"
				+ " --retry-failed=<this result file>, or let the next run of a changed sheet take it; to post the"
				+ " same content twice on purpose, change its description", 0, null, Instant.now(), publishAt));
	}

	/**
	 * The row's outcome when another run created its pin, if one did: that pin's, as far as it is known (PUBLISHED
	 * with its pin, SCHEDULED for later), else DUPLICATE of its post, which the run then follows as any other. Its
	 * finish time is that run's.
	 */
	Optional<RowResult> outcomeOf(long rowNumber, String identity) {
		if (identity == null || !mayHave(PinIdentity.prefix(identity))) {
			return Optional.empty();
		}
		return createdElsewhere(rowNumber, keyOf(identity));
	}

	/**
	 * The same, or the failure of a pin that failed for good ({@link #standsForItsRow}): for a row of a new run, not
	 * a line of an earlier result file (--retry-failed decides those, on their own posts).
	 *
	 * @param zernio asks whether Zernio still has a post (a failed post deleted there since stands for nothing);
	 *               null: only the job repository is asked
	 */
	Optional<RowResult> outcomeOrFailureOf(long rowNumber, String identity,
			Function<String, Optional<PostSchedule>> zernio) {
		Optional<RowResult> onZernio = outcomeOf(rowNumber, identity);
		if (onZernio.isPresent() || identity == null || !mayHaveFailed(PinIdentity.prefix(identity))) {
			return onZernio;
		}
		return failedElsewhere(rowNumber, keyOf(identity)).filter(failed -> failed.status() != RowStatus.FAILED
				|| zernio == null || zernio.apply(failed.postId()).isPresent());
	}

	/**
	 * The row's outcome when another run's pin of it failed on Zernio for good ({@link #standsForItsRow}): that
	 * failure, with its post and what to do, saying which run's pin it was; the row is not sent again as it is.
	 */
	private Optional<RowResult> failedElsewhere(long rowNumber, PinKey key) {
		return store.earlierFailedPin(key, runKey, EarlierPins::standsForItsRow).map(earlier -> {
			RowResult pin = earlier.result();
			if (pin.status() != RowStatus.FAILED) {
				return asOnZernio(rowNumber, earlier); // retried since, and on Zernio now
			}
			Instant finished = pin.finishedAt() != null ? pin.finishedAt() : earlier.sentAt();
			return new RowResult(rowNumber, RowStatus.FAILED, pin.postId(), pin.pinUrl(), pin.errorCode(), "the pin "
					+ runOn(earlier) + " created from its row " + pin.rowNumber() + " (post " + pin.postId()
					+ ") failed, and the row is not pinned again as it is: " + pin.errorMessage(), 0, null, finished,
					pin.publishAt());
		});
	}

	/**
	 * The same, asking the job repository whatever this run knew at its start: just before a row is sent, since a run
	 * on another host, started meanwhile, may have created its pin since (another file sharing rows with this one).
	 */
	Optional<RowResult> createdElsewhere(long rowNumber, PinKey key) {
		return store.earlierPin(key, runKey).map(earlier -> asOnZernio(rowNumber, earlier));
	}

	/** The row as another run's pin on Zernio: its outcome as far as it is known, and which run and row made it. */
	private RowResult asOnZernio(long rowNumber, RowResultStore.EarlierPin earlier) {
		RowResult pin = earlier.result();
		// a scheduled pin whose time has come may be live or refused by now: the run follows it like its own
		RowStatus known = pin.status() == RowStatus.PUBLISHED
				|| pin.status() == RowStatus.SCHEDULED && !due(pin) ? pin.status() : RowStatus.DUPLICATE;
		String message = "already on Zernio as post " + pin.postId() + ": " + runOn(earlier)
				+ " created this pin from its row " + pin.rowNumber()
				+ ", so it is not sent again (to post it once more, change its description)";
		// finished when that run finished it: following the row then looks for its post from when it was made
		Instant finished = pin.finishedAt() != null ? pin.finishedAt() : earlier.sentAt();
		return new RowResult(rowNumber, known, pin.postId(), pin.pinUrl(), null, message, 0, null, finished,
				pin.publishAt());
	}

	/**
	 * Which run and row sent the post with this id, as a row's message says it ("the run of pins.csv on 2026-12-04
	 * created it from its row 2, to publish at …"), when a run of this repository did: Zernio names the post when it
	 * refuses a row's content, and this row may be that pin changed since (its date moved, say).
	 */
	Optional<String> senderOf(String postId) {
		return store.senderOf(postId, target).map(sent -> runOn(sent) + " created it from its row "
				+ sent.result().rowNumber()
				+ (sent.result().publishAt() == null ? "" : ", to publish at " + sent.result().publishAt()));
	}

	/** "the run of pins.csv on 2026-12-04": the file an earlier run read and the day it sent the pin. */
	private String runOn(RowResultStore.EarlierPin earlier) {
		String run = files.computeIfAbsent(earlier.runKey(), fileOfRun)
			.map(file -> "the run of " + file.getFileName())
			.orElse("a run");
		return run + " on " + earlier.sentAt().atOffset(ZoneOffset.UTC).toLocalDate();
	}

	private static boolean due(RowResult scheduled) {
		return scheduled.publishAt() != null && !scheduled.publishAt().isAfter(Instant.now());
	}

	/** The file the run with this key read, as its job parameters say; empty for a run the repository lost. */
	private static Optional<Path> fileOf(JobRepository jobs, String runKey) {
		JobExecution last = jobs.getLastJobExecution(PinImportJobConfiguration.JOB_NAME,
				new JobParametersBuilder().addString(RunKey.PARAMETER, runKey).toJobParameters());
		return last == null ? Optional.empty()
				: Optional.ofNullable(InputParameters.of(last.getJobParameters()).input());
	}
}
