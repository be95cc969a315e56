package com.pinbatch.console;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Deletes the uploads nothing happened to for {@code pinbatch.console.keep-uploads} (30 days): each one keeps its
 * spreadsheet and the result files of its review and runs, so a console that kept them all filled its disk. Done when
 * the console starts and at each new upload; an upload this console has run since it started stays (its run page
 * reads them). The job repository keeps the runs for the history, which then names the file without a link.
 */
class UploadRetention {

	private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

	private final Uploads uploads;

	private final ConsoleRuns runs;

	private final Duration keep;

	UploadRetention(Uploads uploads, ConsoleRuns runs, ConsoleProperties settings) {
		this.uploads = uploads;
		this.runs = runs;
		this.keep = settings.keepUploads();
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		sweep();
	}

	/** @return how many uploads were deleted */
	int sweep() {
		if (keep.isZero() || keep.isNegative()) {
			return 0;
		}
		int forgotten = uploads.forgetUntouchedSince(Instant.now().minus(keep), runs::hasRunOf);
		if (forgotten > 0) {
			log.info("deleted {} upload{} nothing happened to for {} (pinbatch.console.keep-uploads)", forgotten,
					forgotten == 1 ? "" : "s", keep.toDays() > 0 ? keep.toDays() + " days" : keep);
		}
		return forgotten;
	}
}
