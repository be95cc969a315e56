package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.pin.RowPairs;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** A dry run's check step writing the result file as rows go: how it ends when the step stops half-way. */
class DryRunResultWriterTests {

	@TempDir
	Path dir;

	@Test
	void aDryRunStoppedHalfWayLeavesEveryRowInTheResultFileTheUncheckedOnesPending() throws IOException {
		// given: a four-row input whose first two rows were checked when the step stopped
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\nFour\n",
				StandardCharsets.UTF_8);
		Path results = dir.resolve("pins.results.csv");
		InputRowReader reader = new InputRowReader(input, InputOptions.defaults());
		reader.open(new ExecutionContext());
		DryRunResultWriter writer = new DryRunResultWriter(plan(input), results, reader,
				new RunProgress(Clock.systemUTC()));
		writer.open(new ExecutionContext());
		writer.write(new Chunk<>(List.of(checked(reader.read(), RowStatus.VALID),
				checked(reader.read(), RowStatus.INVALID))));
		StepExecution step = MetaDataInstanceFactory.createStepExecution();
		step.setStatus(BatchStatus.STOPPED);

		// when
		writer.afterStep(step);
		writer.close();
		reader.close();

		// then
		assertThat(Files.readAllLines(results)).hasSize(5)
			.anySatisfy(line -> assertThat(line).startsWith("One,2,VALID"))
			.anySatisfy(line -> assertThat(line).startsWith("Two,3,INVALID"))
			.anySatisfy(line -> assertThat(line).startsWith("Three,4,PENDING"))
			.anySatisfy(line -> assertThat(line).startsWith("Four,5,PENDING"));
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		assertThat(ResultTotals.of(job).orElseThrow().asMap())
			.isEqualTo(Map.of(RowStatus.VALID, 1L, RowStatus.INVALID, 1L, RowStatus.PENDING, 2L));
		assertThat(ResultTotals.rowsDone(job)).contains(2L);
		assertThat(dir.resolve(".pins.results.csv.partial.csv")).doesNotExist();
	}

	private static PreparedRow checked(InputRow row, RowStatus status) {
		return PreparedRow.decided(new RowResult(row.rowNumber(), status, null, null, null, 0, null, Instant.EPOCH))
			.from(row);
	}

	private static RunPlan plan(Path input) {
		return new RunPlan(input, InputOptions.defaults(), "dry", null, null, RowPairs.NONE, null, RowPairs.NONE,
				Map.of(), true, null, CappedMessages.NONE);
	}
}
