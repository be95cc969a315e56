package com.pinbatch.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.pinbatch.media.MediaCheckResult;
import com.pinbatch.media.MediaCheckSettings;
import com.pinbatch.media.MediaChecker;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.plan.PostingCaps;
import com.pinbatch.plan.PostingHours;
import com.pinbatch.plan.SpreadSettings;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.throttle.SendingStoppedException;
import com.pinbatch.zernio.BoardResolution;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The first step: surveys the whole input before any row is sent (the day/month order of its dates, rows that
 * repeat earlier ones; usually what the launcher's read found, see {@link InputSurveys}), looks its accounts and
 * boards up on Zernio (failing fast on a rejected key), with --check-media asks every media URL, and plans the pins
 * that will be sent against the accounts' caps (with --spread, later slots). What the
 * sending needs goes into the job's execution context; the notes and the plan are told as {@link RunLine}s. It runs
 * again on every restart, as a new run would, so a resume sees today's boards and gives each row its slot again.
 */
class PlanPinsTasklet implements Tasklet {

	static final String DATE_ORDER = "plan.dateOrder";

	static final String DUPLICATES = "plan.duplicates";

	static final String SLOTS = "plan.slots";

	static final String CAPPED = "plan.capped";

	static final String MEDIA_PROBLEMS = "plan.mediaProblems";

	/**
	 * How long a long-lived process (the web console) reuses the accounts and boards it looked up: long enough for
	 * the inputs of one run to share them, short enough that a board made since is found by the next run.
	 */
	private static final Duration BOARDS_KEPT = Duration.ofMinutes(5);

	/** When the job instance first planned: --spread counts its slots from there, so a restart keeps them. */
	static final String FIRST_START = "plan.firstStart";

	private final InputSurveys surveys;

	private final ApiSessionSource sessions;

	private final GracefulStop stop;

	private final ApplicationEventPublisher lines;

	private final SpreadSettings spread;

	private final MediaCheckSettings mediaCheck;

	private final EarlierPins earlier;

	private final RunProgresses progresses;

	private final PlansUnderWay plansUnderWay;

	PlanPinsTasklet(InputSurveys surveys, ApiSessionSource sessions, GracefulStop stop, ApplicationEventPublisher lines,
			ThrottleProperties throttle, PinbatchProperties properties, MediaCheckProperties media,
			EarlierPins earlier, RunProgresses progresses, PlansUnderWay plansUnderWay) {
		this.surveys = surveys;
		this.plansUnderWay = plansUnderWay;
		this.progresses = progresses;
		this.earlier = earlier;
		this.sessions = sessions;
		this.stop = stop;
		this.lines = lines;
		this.spread = new SpreadSettings(new PostingCaps(throttle.accountHourlyCap(), throttle.accountDailyCap()),
				PostingHours.parse(properties.postingHours()));
		this.mediaCheck = MediaCheckSettings.defaults().withPrivateAddresses(media.allowPrivateAddresses());
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		try {
			return plan(chunkContext);
		}
		catch (SendingStoppedException ex) {
			throw GracefulStop.asStepEnd(ex);
		}
	}

	private RepeatStatus plan(ChunkContext chunkContext) {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		InputParameters input = InputParameters.of(job.getJobParameters());
		InputSurveys.Surveyed surveyed = surveys.take(input);
		InputInspector.Survey survey = surveyed.survey();
		PlanningPass.Collected found = surveyed.collected();
		survey.notes().forEach(note -> say(input, "note: " + note));
		stop.throwIfRequested(input.runKey()); // a stop while planning: nothing is looked up or sent
		ApiSession api = sessions.session(input.target());
		if (api != null) {
			if (!input.dryRun()) {
				api.sender().newRun(); // a check sends nothing: it leaves the pace's state to the sends going on
			}
			api.boards().forgetOlderThan(BOARDS_KEPT);
			// fails fast on a rejected key or an unreachable API; no look-up waits until the sending, and the plan
			// counts each pin against the account its board is in, even when the rows name no account
			say(input, "plan: " + api.boards().prefetch(found.boards()).describe());
		}
		PlanningPass.AccountNames accounts = api == null ? PlanningPass.AccountNames.AS_WRITTEN
				: (accountRef, boardRef) -> {
					BoardResolution resolved = api.boards().resolve(accountRef, boardRef);
					return resolved.ok() ? resolved.accountLabel() : null;
				};
		ExecutionContext context = job.getExecutionContext();
		if (!context.containsKey(FIRST_START)) {
			context.putLong(FIRST_START, Instant.now().toEpochMilli());
		}
		// rows whose pin another run created are not sent again (nor those whose pin failed on Pinterest for good, but
		// for lines of --retry-failed): they take no place against their account's caps
		// nor do rows whose content another run's pin has, still to publish: their date read another way (another
		// --date-format or --timezone, the same instant) or moved, they end as that pin (counted twice, they pushed
		// the account's new rows past its caps)
		EarlierPins earlier = EarlierPins.ofThisRun(this.earlier);
		PlanningPass.Collected stillToSend = found.without(row -> earlier.mayHave(row.pin())
				|| row.formerPin() != 0 && earlier.mayHave(row.formerPin())
				|| row.content() != 0 && earlier.mayHaveScheduled(row.content()));
		int carried = found.rows().size() - stillToSend.rows().size();
		if (carried > 0) {
			say(input, "plan: " + (carried == 1 ? "1 row is a pin that an earlier run created"
					: carried + " rows are pins that earlier runs created") + ": not sent again");
		}
		// a line of an earlier result file goes again whatever became of its pin (on its post, or anew once changed)
		PlanningPass.Collected toSend = stillToSend.without(row -> !row.retried() && earlier.mayHaveFailed(row.pin()));
		int failed = stillToSend.rows().size() - toSend.rows().size();
		if (failed > 0) {
			say(input, "plan: " + (failed == 1 ? "1 row is a pin that failed on Pinterest in an earlier run"
					: failed + " rows are pins that failed on Pinterest in earlier runs") + ": not pinned again as"
					+ (failed == 1 ? " it is" : " they are"));
		}
		HashMap<String, ArrayList<String>> mediaProblems = checkMedia(toSend.media());
		PlanningPass.Collected sendable = toSend.without(row -> mediaProblems.containsKey(row.checkedMedia()));
		PlanningPass.Outcome planned = plansUnderWay.plan(input.runKey(), earlier, taken -> PlanningPass.plan(sendable,
				accounts, spread, input.spread(), Instant.ofEpochMilli(context.getLong(FIRST_START)),
				survey.validation().zone(), taken));
		planned.lines().forEach(line -> say(input, "plan: " + line));
		if (!input.dryRun()) {
			progresses.of(input.runKey()).planned(Math.max(0, sendable.rows().size() - planned.capped().size()));
		}
		stop.throwIfRequested(input.runKey());
		context.putString(DATE_ORDER, survey.validation().dateOrder().name());
		// packed: a million repeated rows as a map overflowed the repository's column for the context
		context.put(DUPLICATES, survey.duplicates().packed());
		RowPairs.Builder slots = new RowPairs.Builder();
		planned.slots().forEach((row, slot) -> slots.add(row, slot.toEpochMilli()));
		context.put(SLOTS, slots.build().packed());
		context.put(CAPPED, CappedMessages.stored(planned.capped()));
		context.put(MEDIA_PROBLEMS, mediaProblems);
		InputAsPlanned.record(context, surveyed.fileState(), survey.rows());
		return RepeatStatus.FINISHED;
	}

	private void say(InputParameters input, String line) {
		lines.publishEvent(new RunLine(input.runKey(), line));
	}

	/**
	 * {@code --check-media}: asks every distinct media URL, all at once (in parallel, politely paced) before the
	 * sending starts, whether it serves an image or video Pinterest can take; the sending only looks the answers up.
	 *
	 * @return the code and message of each answer with a problem, by URL
	 */
	private HashMap<String, ArrayList<String>> checkMedia(Set<Media> media) {
		HashMap<String, ArrayList<String>> problems = new HashMap<>();
		if (media.isEmpty()) {
			return problems;
		}
		try (MediaChecker checker = new MediaChecker(mediaCheck)) {
			for (MediaCheckResult answer : checker.checkAll(media).values()) {
				if (!answer.ok()) {
					problems.put(answer.url(),
							new ArrayList<>(List.of(answer.problem().code(), answer.problem().message())));
				}
			}
		}
		return problems;
	}

	/** The media problems as the sending reads them back. */
	@SuppressWarnings("unchecked")
	static Map<String, List<String>> mediaProblems(ExecutionContext context) {
		return (Map<String, List<String>>) context.get(MEDIA_PROBLEMS);
	}
}
