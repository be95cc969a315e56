package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Stops and crashes of the packaged jar at points the test controls, then the same command again: nothing lost,
 * nothing sent twice. Subclasses choose the job repository the processes share.
 */
abstract class CrashRestartScenarios extends ProcessRuns {

	@Test
	void sigtermStopsCleanlyWithPendingRowsAndTheSameCommandResumes() throws Exception {
		// given
		Path input = pins(ROWS);
		killWhenPostCount(30, Process::destroy);

		// when
		int stopped = runToEnd(input, "first");
		List<Map<String, String>> afterStop = ResultRows.read(results(input));
		sandbox.onPostCreated(post -> {
		});
		int resumed = runToEnd(input, "second");

		// then
		assertThat(stopped).as(log("first")).isEqualTo(1);
		assertThat(afterStop).hasSize(ROWS);
		assertThat(afterStop).extracting(row -> row.get("status")).contains("PENDING").doesNotContain("FAILED");
		assertThat(resumed).as(log("second")).isZero();
		assertEveryRowExactlyOnce(input);
	}

	@Test
	void sigtermDuringStartUpIsHonouredOnceTheCommandRuns() throws Exception {
		// given: the process has locked its data folder (its stop handler is in place), Spring is still starting
		Path input = pins(ROWS);
		List<String> arrived = new CopyOnWriteArrayList<>();
		sandbox.onRequestArrived(arrived::add);
		Process process = start(input, "first");
		Path lock = dir.resolve("data/pinbatch.lock");
		while (!Files.exists(lock) && process.isAlive()) {
			sleepQuietly(5);
		}

		// when
		process.destroy();

		// then: nothing was sent, every row is PENDING, the run says it stopped
		assertThat(process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ended in time").isTrue();
		assertThat(process.exitValue()).as(log("first")).isEqualTo(1);
		assertThat(log("first")).contains("pinbatch: stopping").contains("stopped on request");
		assertThat(ResultRows.read(results(input))).hasSize(ROWS)
			.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
		assertThat(arrived).isEmpty();
	}

	@Test
	void sigtermDuringTheLookUpsLetsNoFurtherRequestOut() throws Exception {
		// given: the first look-up (the account list) is held at the server until the process has been stopped
		Path input = pins(ROWS);
		List<String> arrived = new CopyOnWriteArrayList<>();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		sandbox.onRequestArrived(request -> {
			arrived.add(request);
			if (arrived.size() == 1) {
				held.countDown();
				holdUntil(release);
			}
		});
		Process process = start(input, "first");
		assertThat(held.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as(log("first")).isTrue();

		// when: stopped, and the held look-up answered once the stop line is printed
		process.destroy();
		while (!log("first").contains("pinbatch: stopping") && process.isAlive()) {
			sleepQuietly(5);
		}
		int beforeStop = arrived.size();
		release.countDown();

		// then
		assertThat(process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("ended in time").isTrue();
		assertThat(process.exitValue()).as(log("first")).isEqualTo(1);
		assertThat(arrived).as("requests after the stop line").hasSize(beforeStop);
		assertThat(ResultRows.read(results(input))).hasSize(ROWS)
			.allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
	}

	@Test
	void killNineMidWayThroughOneOfSeveralInputsThenTheSameCommandFinishesOnlyThatInput() throws Exception {
		// given: a folder of two files run as one job; the process dies by SIGKILL once the small file is done and
		// the large one (a workbook: the restart skips its committed rows in the XLSX reader) is part-way, right
		// after the server stored a post of the large one
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		Path small = pins(inbox.resolve("small.csv"), "Small", 9);
		Path large = workbook(pins(dir.resolve("large.csv"), "Large", ROWS), inbox.resolve("large.xlsx"));
		AtomicInteger smallCreated = new AtomicInteger();
		AtomicInteger largeAfterSmall = new AtomicInteger();
		sandbox.onPostCreated(post -> {
			if (post.requestBody().contains("Small pin")) {
				smallCreated.incrementAndGet();
			}
			else if (smallCreated.get() == 9 && largeAfterSmall.incrementAndGet() == 20) {
				killAndWait(Process::destroyForcibly);
			}
		});

		// when
		int crashed = runToEnd(inbox, "first");
		sandbox.onPostCreated(post -> {
		});
		int createsBefore = sandbox.requests().size();
		int resumed = runToEnd(inbox, "second");

		// then: only the large file was worked on again, and every row of both is on the server exactly once
		assertThat(crashed).as(log("first")).isEqualTo(137);
		assertThat(resumed).as(log("second")).isZero();
		assertThat(sandbox.requests().subList(createsBefore, sandbox.requests().size()))
			.noneMatch(request -> request.body() != null && request.body().contains("Small pin"));
		// the small file's job may have been killed in its last moments (following its pins, writing its result
		// file) however quick they are: it is then resumed, and still sends nothing again
		assertThat(log("second")).containsAnyOf("small.csv was already processed to the end", "resuming " + small)
			.contains("resuming " + large);
		assertEveryRowExactlyOnce(small, 9);
		assertEveryRowExactlyOnce(large, ROWS);
	}
}
