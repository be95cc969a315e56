package com.pinbatch.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.RowSources;
import com.pinbatch.media.MediaCheckResult;
import com.pinbatch.media.MediaCheckSettings;
import com.pinbatch.media.MediaChecker;
import com.pinbatch.pin.BoundColumns;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.Media;
import com.pinbatch.pin.PinValidator;
import com.pinbatch.pin.Validation;
import com.pinbatch.pin.ValidationSettings;

/**
 * {@code --check-media}: asks every distinct media URL of the file's valid rows whether it really serves an image or
 * video Pinterest can take, all at once (in parallel, politely paced) before the job starts, so the job only looks
 * the answers up. Memory grows with the number of distinct URLs.
 */
final class MediaCheckPass {

	private MediaCheckPass() {
	}

	/** @return the problem answers, by media URL (URLs that passed are absent) */
	static Map<String, MediaCheckResult> run(Path file, InputOptions options, ColumnMapping mapping,
			ValidationSettings validation) {
		Set<Media> media = new LinkedHashSet<>();
		PinValidator validator = new PinValidator(validation);
		try (RowSource source = RowSources.open(file, options)) {
			BoundColumns columns = mapping.bind(source.headers());
			for (InputRow row = source.next(); row != null; row = source.next()) {
				Validation result = validator.validate(columns.draft(row));
				if (result.isValid() && !result.pin().media().local()) {
					media.add(result.pin().media());
				}
			}
		}
		Map<String, MediaCheckResult> problems = new HashMap<>();
		try (MediaChecker checker = new MediaChecker(MediaCheckSettings.defaults())) {
			checker.checkAll(media).values().stream()
				.filter(answer -> !answer.ok())
				.forEach(answer -> problems.put(answer.url(), answer));
		}
		return problems;
	}
}
