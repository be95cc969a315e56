package com.pinbatch.console;

import java.net.URI;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.pinbatch.result.RowStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Send and watch: the send button of the review starts the run, and this page follows it live (counts by status,
 * pins per minute, time left) until it ends, then shows its rows (at most 1,000, those to act on first) with their
 * outcome and pin link, and the result file to download, correct and upload again to retry the rows that failed.
 */
@ConsolePage
class WatchPage {

	private final Uploads uploads;

	private final ConsoleRuns runs;

	private final LiveRows liveRows;

	private final WaitingSends waitingSends;

	WatchPage(Uploads uploads, ConsoleRuns runs, LiveRows liveRows, WaitingSends waitingSends) {
		this.uploads = uploads;
		this.runs = runs;
		this.liveRows = liveRows;
		this.waitingSends = waitingSends;
	}

	@PostMapping("/uploads/{id}/send")
	String send(@PathVariable String id, Principal principal, Model model, HttpServletResponse response) {
		Upload upload = uploads.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		return answer(runs.send(upload), model, response);
	}

	/** The follow-up button of a finished run: asks Zernio what became of its rows not final yet. */
	@PostMapping("/runs/{id}/follow-up")
	String followUp(@PathVariable String id, Principal principal, Model model, HttpServletResponse response) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		if (run.running() || run.ended().resultFile() == null || !Files.isRegularFile(run.ended().resultFile())) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", "there is no result file to follow up yet; wait for the run to end");
			return page(run, model);
		}
		return answer(runs.followUp(run.upload(), run.ended().resultFile()), model, response);
	}

	/**
	 * The Stop button of a send: it sends no more pins (or does not start, if it still waits for its
	 * turn), and its page then says so, with the way to go on. A press on a run that has ended changes nothing.
	 */
	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable String id, Principal principal) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		runs.stop(run);
		return "redirect:/runs/" + run.id();
	}

	/** The started run's page; a press while the same file's run goes on starts nothing and says so there. */
	private String answer(ConsoleRuns.Started started, Model model, HttpServletResponse response) {
		if (!started.already()) {
			return "redirect:/runs/" + started.run().id();
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("problem", "this file is already being sent or followed up (the run below); nothing"
				+ " else was started: one run per file at a time");
		return page(started.run(), model);
	}

	@GetMapping("/runs/{id}")
	String watch(@PathVariable String id, Principal principal, Model model) {
		Optional<LiveRun> run = runs.find(id, Owner.of(principal));
		if (run.isEmpty()) {
			// a send the console's stop dropped before its turn, or one it ran before it restarted: its upload's page
			// says how it stands (dropped, cut short, or sent), with Send
			String owner = Owner.of(principal);
			Upload upload = waitingSends.uploadOf(id, owner)
				.or(() -> waitingSends.sentAs(id, owner))
				.orElseThrow(NotFound::page);
			return "redirect:/uploads/" + upload.id();
		}
		return page(run.get(), model);
	}

	private String page(LiveRun run, Model model) {
		progress(run, model);
		LiveRun.Ended ended = run.ended();
		model.addAttribute("ended", ended);
		ShownRows seen = new ShownRows();
		if (ended != null && ended.resultFile() != null && Files.isRegularFile(ended.resultFile())) {
			ResultTable.read(ended.resultFile(), run.upload().columnMapping(), run.upload().timezone(), seen);
		}
		List<ReviewRow> rows = seen.shown().stream().map(row -> row.shownFor(run.upload())).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("notShown", seen.notShown());
		Progress progress = (Progress) model.getAttribute("progress");
		if (!rows.isEmpty()) {
			// the counts of the rows, as the result file has them now
			progress = progress.withCounts(seen.counts());
			model.addAttribute("progress", progress);
		}
		// its rows as the file has them: pins scheduled for later have nothing to tell a follow-up until their time
		// (before, Follow up was offered for a file scheduled months ahead, and found nothing to ask about)
		boolean followable = ended != null && ended.resultFile() != null
				&& Progress.followable(progress.counts(), seen.firstScheduled(), Instant.now());
		model.addAttribute("followable", followable);
		// a corrected result file is for rows to fix: none, nothing to upload again
		model.addAttribute("fixable", progress.counts().containsKey(RowStatus.INVALID.name())
				|| progress.counts().containsKey(RowStatus.FAILED.name()));
		model.addAttribute("firstScheduled", !followable && ended != null && seen.firstScheduled() != null
				? ResultTable.shown(seen.firstScheduled(), run.upload().timezone()) : null);
		return "watch";
	}

	/**
	 * The live part of the page, asked for again every second while the run goes on. A run this console does not have
	 * (it was restarted since) answers with a part that says so and asks no more: the page would otherwise stay on
	 * its last figures for ever, the poll's "not found" unseen.
	 */
	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable String id, Principal principal, Model model) {
		Optional<LiveRun> run = runs.find(id, Owner.of(principal));
		if (run.isEmpty()) {
			String owner = Owner.of(principal);
			Upload dropped = waitingSends.uploadOf(id, owner).orElse(null);
			model.addAttribute("dropped", dropped);
			model.addAttribute("sent", dropped != null ? null : waitingSends.sentAs(id, owner).orElse(null));
			return "run-gone";
		}
		progress(run.get(), model);
		return "watch :: progress";
	}

	/** Where the run stands, and while it runs the rows it is at. */
	private void progress(LiveRun run, Model model) {
		Progress progress = Progress.of(run);
		model.addAttribute("run", run);
		model.addAttribute("progress", progress);
		model.addAttribute("live", progress.running() ? liveRows.around(run.runKey(), progress.done())
			.stream()
			.map(row -> LiveRow.of(row, run.upload()))
			.toList() : List.of());
	}

	/** The result file as written, or ({@code format=csv|xlsx}) written again in that format. */
	@GetMapping("/runs/{id}/result")
	ResponseEntity<byte[]> result(@PathVariable String id, @RequestParam(required = false) String format,
			Principal principal) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		LiveRun.Ended ended = run.ended();
		if (ended == null) {
			// still going: its page, where the download appears once the result file is written (before: "No such
			// upload or run for you: it may be someone else's")
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/runs/" + id)).build();
		}
		return ResultDownload.of(ended.resultFile(), format, run.upload()::shown);
	}
}
