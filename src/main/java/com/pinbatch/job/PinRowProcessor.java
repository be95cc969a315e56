package com.pinbatch.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.pinbatch.follow.PinFollower;
import com.pinbatch.follow.PublishFailure;
import com.pinbatch.follow.RowCells;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.PriorOutcome;
import com.pinbatch.media.LocalMediaUploader;
import com.pinbatch.media.MediaProblem;
import com.pinbatch.media.MediaRejectedException;
import com.pinbatch.pin.BoundColumns;
import com.pinbatch.pin.DuplicateLint;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.MediaKind;
import com.pinbatch.pin.Pin;
import com.pinbatch.pin.PinDraft;
import com.pinbatch.pin.PinField;
import com.pinbatch.pin.PinIdentity;
import com.pinbatch.pin.PinValidator;
import com.pinbatch.pin.Validation;
import com.pinbatch.pin.ValidationProblem;
import com.pinbatch.plan.CapAdvice;
import com.pinbatch.plan.WhenNoDate;
import com.pinbatch.result.EarlierSends;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;
import com.pinbatch.zernio.BoardResolution;
import com.pinbatch.zernio.PostSchedule;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Maps a row to a pin, validates it and resolves its account and board. Never throws for a bad row: a row with
 * problems becomes an INVALID result naming every problem, the first one giving the error code.
 */
public class PinRowProcessor implements ItemProcessor<InputRow, PreparedRow>, AutoCloseable {

	/** How far back to look for the post of a row whose earlier result file does not say when it was sent. */
	private static final Duration UNKNOWN_ATTEMPT_AGE = Duration.ofDays(30);

	/** How long before its line was written an earlier result file's pin may have been created. */
	private static final Duration CREATED_BEFORE_LEARNT = Duration.ofDays(1);

	private final RunPlan plan;

	private final PinValidator validator;

	private final PostRequestFactory requests;

	private final EarlierPins earlierPins;

	private final PinIdentity identities;

	/** The input's earlier result file, for rows this job repository knows nothing of; null for a dry run. */
	private final EarlierSends earlierSends;

	private BoundColumns columns;

	/** @param earlierSends the input's earlier result file; null: not read (a dry run sends nothing) */
	PinRowProcessor(RunPlan plan, EarlierPins earlierPins, EarlierSends earlierSends) {
		this.plan = plan;
		this.earlierPins = earlierPins;
		this.earlierSends = earlierSends;
		// a row to send stores its identity, and any row is looked up once other runs put pins there
		this.identities = plan.dryRun() && earlierPins.none() ? null
				: EarlierPins.identities(plan.validation(), plan.whenNoDate());
		this.validator = new PinValidator(plan.validation());
		this.requests = new PostRequestFactory(plan.runKey(), plan.validation().zone(), plan.whenNoDate());
	}

	@Override
	public void close() {
		if (earlierSends != null) {
			earlierSends.close();
		}
	}

	@Override
	public PreparedRow process(InputRow row) {
		return prepared(row).from(row);
	}

	private PreparedRow prepared(InputRow row) {
		PriorOutcome prior = row.prior();
		if (columns == null) {
			columns = plan.mapping().bind(row.headers());
		}
		PinDraft draft = columns.draft(row);
		if (prior != null && RowStatus.isOnZernio(prior.status())) {
			// never sent again
			return PreparedRow.decided(notMoved(RowResult.carriedOver(row.rowNumber(), prior), draft),
					accountLabel(draft));
		}
		String identity = identities == null ? null : identities.of(draft);
		String former = identities == null ? null : identities.formerly(draft);
		// a failed pin deleted in Zernio since stands for nothing: Zernio is asked, when there is one to ask
		Function<String, Optional<PostSchedule>> zernio = plan.api() == null ? null : plan.api().client()::schedule;
		// a line of --retry-failed whose pin failed goes again as the retry decides (on its post, or anew once changed)
		Optional<RowResult> earlier = prior != null
				? earlierPins.outcomeOf(row.rowNumber(), identity)
					.or(() -> earlierPins.outcomeOf(row.rowNumber(), former))
				: earlierPins.outcomeOrFailureOf(row.rowNumber(), identity, zernio)
					.or(() -> earlierPins.outcomeOrFailureOf(row.rowNumber(), former, zernio));
		if (earlier.isPresent()) {
			// an earlier run created this pin (before its date passed, say)
			return PreparedRow.decided(earlier.get(), accountLabel(draft));
		}
		// what the input's result file says an earlier run did with the row, when this job repository does not know
		// (another data folder): a pin it got onto Zernio, or may have, is looked for there before the row is sent
		PriorOutcome earlierLine = prior != null || earlierSends == null ? null : earlierSends.of(row);
		String mark = plan.dryRun() ? null : RowCells.mark(draft); // a digest of the pin's cells, for what is sent only
		PreparedRow prepared = prepare(row, draft, mark, identity, former, earlierLine);
		if (prior != null && !plan.dryRun() && plan.api() != null && failedOnItsPost(prior, draft)) {
			// --retry-failed: an unchanged row goes again on its own post (or stays, its pin removed from Pinterest);
			// a changed one goes as prepared
			return prepared.retryingOn(RowResult.carriedOver(row.rowNumber(), prior), mark, RowCells.formerMark(row));
		}
		return prepared;
	}

	/**
	 * A carried pin still waiting to publish whose row now gives another time (edited in the result file): the line
	 * says that the pin stays where it is, instead of showing the new date beside the old instant without a word.
	 */
	private RowResult notMoved(RowResult carried, PinDraft draft) {
		if (carried.status() != RowStatus.SCHEDULED || carried.publishAt() == null) {
			return carried;
		}
		Instant now = validator.validate(draft).publishAt();
		if (now == null || now.equals(carried.publishAt())) {
			return carried;
		}
		String post = carried.postId() == null ? "its post" : "post " + carried.postId();
		return new RowResult(carried.rowNumber(), carried.status(), carried.postId(), carried.pinUrl(), null,
				"the row now gives " + now + ", but its pin (" + post + ") stays scheduled for " + carried.publishAt()
						+ ": pinbatch does not move pins; in Zernio, reschedule " + post + " to move it",
				carried.attempts(), carried.requestId(), carried.finishedAt(), carried.publishAt());
	}

	/**
	 * A pin Zernio accepted that then failed on Pinterest in a way --retry-failed settles on its own post, while the
	 * row is unchanged: refused for a reason that may pass, for its account, now in order, or for media at a web
	 * address, set right where it is hosted since (published again, as Zernio advises for a failed post, rather than
	 * a second create), or removed after it was published (deleted there, or taken down: kept as it is). A local
	 * file fixed in place is no change of the row's cells, but needs a new upload: such a row is created anew.
	 */
	private static boolean failedOnItsPost(PriorOutcome prior, PinDraft draft) {
		if (prior.status() == null || !prior.status().trim().equals(RowStatus.FAILED.name())
				|| prior.errorCode() == null || prior.postId() == null || prior.postId().isBlank()) {
			return false;
		}
		String code = prior.errorCode().trim();
		return PinFollower.transientCode(code) || PublishFailure.accountAtFault(code) || PublishFailure.takenAway(code)
				|| PublishFailure.mediaUnusable(code) && webMediaOnly(draft);
	}

	/**
	 * Whether the pin's media and cover cells are web addresses, none a local file (uploaded when sent: a file fixed in
	 * place gets a new upload); an address typed without its scheme counts as a file here, and is created anew.
	 */
	private static boolean webMediaOnly(PinDraft draft) {
		return Stream.of(PinField.MEDIA_URL, PinField.COVER_IMAGE_URL)
			.map(draft::get)
			.allMatch(cell -> cell.isEmpty() || cell.contains("://"));
	}

	/** @param earlierLine what an earlier run did with the row, as the input's result file says; null: nothing */
	private PreparedRow prepare(InputRow row, PinDraft draft, String mark, String identity, String former,
			PriorOutcome earlierLine) {
		PriorOutcome prior = row.prior();
		Validation validation = validator.validate(draft);
		if (draft.repeatsHeader()) {
			return PreparedRow.decided(notSendable(row.rowNumber(), validation.problems())); // no board to look up
		}
		List<ValidationProblem> problems = new ArrayList<>(validation.problems());
		OptionalLong earlier = plan.duplicates().get(row.rowNumber());
		if (earlier.isPresent()) {
			problems.add(DuplicateLint.duplicateProblem(draft, earlier.getAsLong()));
		}
		BoardResolution board = resolveBoard(draft);
		if (board != null && !board.ok()) {
			problems.add(new ValidationProblem(board.problemCode(), draft.columnName(PinField.BOARD),
					board.problemMessage()));
		}
		String mediaUrl = validation.isValid() ? mediaUrl(validation.pin(), draft, problems) : null;
		String coverUrl = validation.isValid() ? coverUrl(validation.pin(), draft, problems) : null;
		OptionalLong slot = plan.slots().get(row.rowNumber());
		Instant publishAt = slot.isPresent() ? Instant.ofEpochMilli(slot.getAsLong()) : validation.publishAt();
		if (board != null && board.ok() && publishAt == null && plan.whenNoDate() == WhenNoDate.QUEUE
				&& board.profileId() == null) {
			problems.add(queueUnavailable(draft, board));
		}
		if (!problems.isEmpty()) {
			RowResult refused = notSendable(row.rowNumber(), problems).withPublishAt(publishAt);
			// a row FAILED only for its account (disconnected in Zernio) counts under it, as when the sender finds it
			return refused.status() == RowStatus.FAILED && board != null
					? PreparedRow.decided(refused, board.accountLabel()) : PreparedRow.decided(refused);
		}
		// kept with every pin sent; a dry run needs it only while other runs' pins wait to be published
		String content = identity == null || plan.dryRun() && !earlierPins.anyScheduled() ? null
				: identities.content(draft);
		Optional<RowResult> moved = earlierPins.anyScheduled()
				? earlierPins.movedPin(row.rowNumber(), content, publishAt, plan.api() == null ? null
						: plan.api().client()::schedule)
				: Optional.empty();
		if (moved.isPresent()) {
			// another run's pin, its time changed: not a second pin
			return PreparedRow.decided(moved.get(), board == null ? null : board.accountLabel());
		}
		// a row the sender would refuse at its account's cap shows as the live run would end it; a pin scheduled
		// where the plan found its slot full (other runs' pins counted, which this process's sender never saw) is
		// refused so by the live run too, before Zernio is asked: its slot stays full however long the row waits
		String capped = plan.capped() == null || !plan.dryRun() && publishAt == null ? null
				: plan.capped().messageFor(row.rowNumber(), publishAt);
		if (capped != null) {
			return PreparedRow.decided(new RowResult(row.rowNumber(), RowStatus.FAILED, null, CapAdvice.ERROR_CODE,
					capped, 0, null, Instant.now()).withPublishAt(publishAt),
					board == null || plan.dryRun() ? null : board.accountLabel());
		}
		if (plan.dryRun()) {
			return PreparedRow.decided(new RowResult(row.rowNumber(), RowStatus.VALID, null, null, null, 0, null,
					Instant.now()).withPublishAt(publishAt));
		}
		PreparedRow toSend = PreparedRow.toSend(row.rowNumber(), board.accountId(), board.accountLabel(),
				requests.create(validation.pin(), board, mediaUrl, coverUrl, publishAt, mark),
				earlierPins.keyOf(identity, content));
		if (prior != null && (UnknownOutcomes.mayExist(prior.status(), prior.errorCode())
				|| UnknownOutcomes.sentUnanswered(prior.status(), prior.requestId()))) {
			// --retry-failed of a row whose earlier sends may have created it: look for that post first
			Instant finished = RowResult.carriedOver(row.rowNumber(), prior).finishedAt();
			return toSend.mayExistSince(finished != null ? finished : Instant.now().minus(UNKNOWN_ATTEMPT_AGE));
		}
		Instant sentElsewhere = earlierPins.sentWithoutAnswer(identity);
		if (sentElsewhere == null) {
			sentElsewhere = earlierPins.sentWithoutAnswer(former);
		}
		// another run (of the file before it was saved again, say) sent this pin and never learnt if it was created;
		// or the input's result file says an earlier run got it onto Zernio, or may have, which this job repository
		// does not know (another data folder): looked for there first, from the earlier of the two
		Instant sinceEarlierLine = earlierLine == null ? null : mayExistSince(row, earlierLine);
		Instant since = sentElsewhere == null ? sinceEarlierLine : sinceEarlierLine == null ? sentElsewhere
				: sentElsewhere.isBefore(sinceEarlierLine) ? sentElsewhere : sinceEarlierLine;
		return since != null ? toSend.mayExistSince(since) : toSend;
	}

	/**
	 * Since when the pin of a row may be on Zernio, as its line of the input's earlier result file says: one there
	 * (PUBLISHED, SCHEDULED, CREATED, DUPLICATE) or one whose sends may have made it, from a day before that line
	 * was written (its pin was created before its outcome was learnt); null when the line says it was never made.
	 * A pin found there is that row's (before, past Zernio's duplicate window, a second pin); one not found (the row
	 * read now at another time: another zone) is sent as any other.
	 */
	private static Instant mayExistSince(InputRow row, PriorOutcome line) {
		boolean mayExist = RowStatus.isOnZernio(line.status()) || UnknownOutcomes.mayExist(line.status(),
				line.errorCode()) || UnknownOutcomes.sentUnanswered(line.status(), line.requestId());
		if (!mayExist) {
			return null;
		}
		Instant finished;
		try {
			finished = RowResult.carriedOver(row.rowNumber(), line).finishedAt();
		}
		catch (IllegalArgumentException notAStatus) {
			return null; // a hand-edited status: as if the line said nothing
		}
		return finished != null ? finished.minus(CREATED_BEFORE_LEARNT) : Instant.now().minus(UNKNOWN_ATTEMPT_AGE);
	}

	/**
	 * The URL Zernio gets for the pin's media: as given (and as --check-media found it), or for a local file the
	 * public URL of its upload.
	 */
	private String mediaUrl(Pin pin, PinDraft draft, List<ValidationProblem> problems) {
		Media media = pin.media();
		if (media.local()) {
			return uploaded(media.location(), media.kind(), PinField.MEDIA_URL, draft, problems);
		}
		MediaProblem checked = plan.mediaProblems().get(media.location());
		if (checked != null) {
			problems.add(problem(draft, PinField.MEDIA_URL, checked.code(), checked.message()));
		}
		return media.location();
	}

	/** The cover image's URL: as given, or for a local file (the validator gives its absolute path) its upload's. */
	private String coverUrl(Pin pin, PinDraft draft, List<ValidationProblem> problems) {
		if (!pin.coverIsLocal()) {
			return pin.coverImageUrl();
		}
		return uploaded(pin.coverImageUrl(), MediaKind.IMAGE, PinField.COVER_IMAGE_URL, draft, problems);
	}

	/**
	 * Uploads a local file once and returns its public URL; a file that cannot be used becomes a problem of the row.
	 * A dry run, or a row that will not be sent anyway, only checks the file.
	 */
	private String uploaded(String location, MediaKind kind, PinField field, PinDraft draft,
			List<ValidationProblem> problems) {
		try {
			Path file = Path.of(location);
			if (plan.dryRun() || plan.api() == null || !problems.isEmpty()) {
				LocalMediaUploader.check(file, kind, plan.validation().allowedMediaFolder());
				return location;
			}
			return plan.api().media().publicUrlFor(file, kind, plan.validation().allowedMediaFolder());
		}
		catch (MediaRejectedException ex) {
			problems.add(problem(draft, field, ex.code(), ex.messageNaming(draft.get(field))));
			return null;
		}
	}

	private static ValidationProblem queueUnavailable(PinDraft draft, BoardResolution board) {
		return new ValidationProblem("queue_unavailable", draft.columnName(PinField.PUBLISH_AT), "Zernio did not say"
				+ " which profile account " + board.accountLabel() + " belongs to, so the pin cannot go to its queue"
				+ " — give a publish date, or use --when-no-date=now or draft");
	}

	private static ValidationProblem problem(PinDraft draft, PinField field, String code, String message) {
		String column = draft.columnName(field);
		return new ValidationProblem(code, column, column + " " + message);
	}

	/** The name of the account a row not sent is on, when Zernio's account list tells it; null otherwise. */
	private String accountLabel(PinDraft draft) {
		if (plan.api() == null) {
			return null;
		}
		return plan.api().boards().accountLabel(draft.getOr(PinField.ACCOUNT, plan.validation().defaultAccount()),
				draft.getOr(PinField.BOARD, plan.validation().defaultBoard())).orElse(null);
	}

	/** Resolves the row's account and board by name through Zernio; null when there is no API to ask. */
	private BoardResolution resolveBoard(PinDraft draft) {
		String boardRef = draft.getOr(PinField.BOARD, plan.validation().defaultBoard());
		if (plan.api() == null || boardRef.isEmpty()) {
			return null;
		}
		String accountRef = draft.getOr(PinField.ACCOUNT, plan.validation().defaultAccount());
		return plan.api().boards().resolve(accountRef, boardRef);
	}

	/**
	 * INVALID when the row must be fixed; FAILED when the row is fine and only its account is disconnected (the fix
	 * is in Zernio, and the same row can be retried as it is).
	 */
	private static RowResult notSendable(long rowNumber, List<ValidationProblem> problems) {
		String message = problems.stream().map(ValidationProblem::message).collect(Collectors.joining("; "));
		boolean accountOnly = problems.size() == 1 && BoardResolution.ACCOUNT_DISCONNECTED.equals(problems.get(0).code());
		return new RowResult(rowNumber, accountOnly ? RowStatus.FAILED : RowStatus.INVALID, null,
				problems.get(0).code(), message, 0, null, Instant.now());
	}
}
