package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pinbatch says of a file's headers against the mapping a run uses. */
class MappingAdviceTests {

	@TempDir
	Path dir;

	@Test
	void aFieldTheMappingFileNamesUnderAHeaderTheFileLacksIsSaid() throws IOException {
		// before: nothing said, and every row's alt text empty
		ColumnMapping mapping = ColumnMapping.fromYaml(Files.writeString(dir.resolve("mapping.yml"),
				"alt_text: [\"Bildtext\"]\n"));
		BoundColumns columns = mapping.bind(List.of("title", "media_url", "board", "Beschriftung"));

		assertThat(MappingAdvice.unmatched(columns, mapping)).hasValue("the mapping file names alt_text (Bildtext),"
				+ " but no header of this file is that: the field is empty in every row; check the header or the"
				+ " mapping");
		assertThat(MappingAdvice.unmatched(mapping.bind(List.of("title", "Bildtext")), mapping)).isEmpty();
		assertThat(MappingAdvice.unmatched(columns, ColumnMapping.defaults())).isEmpty();
	}

	@Test
	void aRequiredFieldTheMappingFileNamesUnderAHeaderTheFileLacksSaysSoInItsRefusal() throws IOException {
		ColumnMapping mapping = ColumnMapping.fromYaml(Files.writeString(dir.resolve("mapping.yml"),
				"media_url: [\"Foto\"]\n"));
		BoundColumns columns = mapping.bind(List.of("title", "Photo", "board"));

		MappingException refused = catchThrowableOfType(MappingException.class,
				() -> MappingAdvice.requireColumns(columns, mapping, false));

		// before: "no column gives media_url ... map your headers with --mapping=FILE", to a user who had
		assertThat(refused).hasMessageStartingWith("no column gives media_url (the mapping file names Foto, which is"
				+ " no header of this file)");
	}
}
