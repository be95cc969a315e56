package com.pinbatch.console;

import java.nio.file.Files;
import java.security.Principal;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Send and watch: the send button of the review starts the run, and this page follows it live (counts by status,
 * pins per minute, time left) until it ends, then shows every row with its outcome and pin link, and the result
 * file to download, correct and upload again to retry the rows that failed.
 */
@ConsolePage
class WatchPage {

	private final Uploads uploads;

	private final ConsoleRuns runs;

	private final ResultDownloads downloads;

	private final LiveRows liveRows;

	WatchPage(Uploads uploads, ConsoleRuns runs, ResultDownloads downloads, LiveRows liveRows) {
		this.uploads = uploads;
		this.runs = runs;
		this.downloads = downloads;
		this.liveRows = liveRows;
	}

	/** Where the run stands, and while it runs the rows it is at. */
	private void progress(LiveRun run, Model model) {
		Progress progress = Progress.of(run);
		model.addAttribute("run", run);
		model.addAttribute("progress", progress);
		model.addAttribute("live", progress.running() ? liveRows.around(run.runKey(), progress.done()) : List.of());
	}

	@PostMapping("/uploads/{id}/send")
	String send(@PathVariable String id, Principal principal) {
		Upload upload = uploads.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		return "redirect:/runs/" + runs.send(upload).id();
	}

	/** Asks Zernio what became of a finished run's pins (scheduled, or still publishing); nothing is created. */
	@PostMapping("/runs/{id}/follow-up")
	String followUp(@PathVariable String id, Principal principal) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		LiveRun.Ended ended = run.ended();
		if (ended == null || ended.resultFile() == null || !Files.isRegularFile(ended.resultFile())) {
			throw NotFound.page(); // a run still going, or one that wrote no result file, has nothing to follow up
		}
		return "redirect:/runs/" + runs.followUp(run).id();
	}

	@GetMapping("/runs/{id}")
	String watch(@PathVariable String id, Principal principal, Model model) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		progress(run, model);
		LiveRun.Ended ended = run.ended();
		model.addAttribute("ended", ended);
		List<ReviewRow> rows = ended == null || ended.resultFile() == null || !Files.isRegularFile(ended.resultFile())
				? List.of() : ResultTable.read(ended.resultFile(), run.upload().timezone(), null, null);
		model.addAttribute("rows", rows);
		return "watch";
	}

	/** The live part of the page, asked for again every second while the run goes on. */
	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable String id, Principal principal, Model model) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		progress(run, model);
		return "watch :: progress";
	}

	@GetMapping("/runs/{id}/result")
	ResponseEntity<FileSystemResource> result(@PathVariable String id, Principal principal,
			@RequestParam(name = "format", required = false) String format) {
		LiveRun run = runs.find(id, Owner.of(principal)).orElseThrow(NotFound::page);
		LiveRun.Ended ended = run.ended();
		if (ended == null) {
			throw NotFound.page();
		}
		return downloads.of(ended.resultFile(), format);
	}
}
