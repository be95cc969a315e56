package com.pinbatch.run;

import java.nio.file.Path;

import com.pinbatch.job.InputInspector;
import com.pinbatch.job.InputParameters;

/** One input of a request, read and checked: its job parameters and what the read found. */
record CheckedInput(InputParameters parameters, InputInspector.Check survey) {

	Path path() {
		return parameters.input();
	}

	String key() {
		return parameters.runKey();
	}

	Path results() {
		return parameters.results();
	}

	CheckedInput withTarget(String target) {
		return new CheckedInput(parameters.withTarget(target), survey);
	}
}
