package com.pinbatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The send step's reader on a restart: the rows of the chunks that committed are not read again. */
class InputRowReaderTests {

	@TempDir
	Path dir;

	@Test
	void aRestartGoesOnAfterTheRowsOfTheLastCommittedChunk() throws IOException {
		// given: a first execution read two rows and committed them
		Path input = Files.writeString(dir.resolve("pins.csv"), "title\nOne\nTwo\nThree\n", StandardCharsets.UTF_8);
		ExecutionContext step = new ExecutionContext();
		InputRowReader first = new InputRowReader(input, InputOptions.defaults());
		first.open(step);
		first.read();
		first.read();
		first.update(step);
		first.close();

		// when: the step restarts with the context it committed
		InputRowReader restarted = new InputRowReader(input, InputOptions.defaults());
		restarted.open(step);
		InputRow next = restarted.read();
		InputRow after = restarted.read();
		restarted.close();

		// then
		assertThat(next.value(0)).isEqualTo("Three");
		assertThat(after).isNull();
	}
}
