package com.pinbatch.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.pinbatch.input.InputRow;

/** The files in samples/ show what the README promises: which rows pass validation and which do not. */
class SampleFilesTests {

	private static final Path SAMPLES = Path.of("samples");

	private final PinValidator validator = new PinValidator(new ValidationSettings(ZoneOffset.UTC,
			Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC), null, null, SAMPLES, null));

	@Test
	void everyPinOfPinsCsvIsValidWithDistinctDescriptions() throws IOException {
		List<Validation> validations = validateAll("pins.csv");

		assertThat(validations).hasSizeBetween(18, 22).allSatisfy(v -> assertThat(v.problems()).isEmpty());
		List<Pin> pins = validations.stream().map(Validation::pin).toList();
		assertThat(pins).extracting(Pin::description).doesNotHaveDuplicates();
		assertThat(pins).extracting(pin -> pin.media().kind()).contains(MediaKind.VIDEO, MediaKind.IMAGE);
		assertThat(pins).extracting(Pin::publishAt).containsNull();
		assertThat(pins).filteredOn(pin -> pin.account() == null).isEmpty();
	}

	@Test
	void pinterestTemplateRowsAreValidAndCarryNoAccount() throws IOException {
		List<Validation> validations = validateAll("pinterest-template.csv");

		assertThat(validations).isNotEmpty().allSatisfy(v -> assertThat(v.problems()).isEmpty());
		assertThat(validations).extracting(v -> v.pin().account()).containsOnlyNulls();
		assertThat(validations).extracting(v -> v.pin().coverKeyframeSeconds()).contains(3);
	}

	@Test
	void mixedCsvShowsOffTheValidationMessages() throws IOException {
		Map<String, String> firstCodeByTitle = new LinkedHashMap<>();
		List<Validation> validations = validateAll("mixed.csv");
		List<String> titles = titles("mixed.csv");
		for (int i = 0; i < validations.size(); i++) {
			List<ValidationProblem> problems = validations.get(i).problems();
			firstCodeByTitle.put(titles.get(i), problems.isEmpty() ? "VALID" : problems.get(0).code());
		}

		assertThat(firstCodeByTitle).containsExactly(
				Map.entry("Pantry Door Rack", "VALID"),
				Map.entry("The Complete, Definitive, Step-by-Step Guide to Painting Every Kind of Kitchen Cabinet"
						+ " Without Sanding First", "title_too_long"),
				Map.entry("Window Herb Box", "link_not_https"),
				Map.entry("Loft Bed Office", "link_shortener"),
				Map.entry("Hallway Bench", "media_share_link"),
				Map.entry("Desk Plant Guide", "media_missing"),
				Map.entry("Wildflower Strip", "multiple_media"),
				Map.entry("Magnetic Knife Strip", "VALID"),
				Map.entry("Rain Barrel Setup", "publish_at_in_past"),
				Map.entry("Balcony Lights", "publish_at_invalid"),
				Map.entry("Granola Clusters", "cover_on_image"),
				Map.entry("Archive: Retro Kitchen", "VALID"),
				Map.entry("Weeknight Ramen", "VALID"),
				Map.entry("Vertical Succulent Frame", "VALID"),
				Map.entry("Yogurt Parfait Bar", "VALID"));
	}

	private List<Validation> validateAll(String name) throws IOException {
		List<Validation> validations = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(SAMPLES.resolve(name), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
			List<String> headers = parser.getHeaderNames();
			BoundColumns columns = ColumnMapping.defaults().bind(headers);
			for (CSVRecord record : parser) {
				InputRow row = new InputRow(record.getRecordNumber() + 1, headers, record.toList());
				validations.add(validator.validate(columns.draft(row)));
			}
		}
		return validations;
	}

	private static List<String> titles(String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(SAMPLES.resolve(name), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
			return parser.stream().map(record -> record.get("title")).toList();
		}
	}
}
