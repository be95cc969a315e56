package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputSettling;
import com.pinbatch.input.RowSources;
import com.pinbatch.job.InputInspector;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.InputSurveys;
import com.pinbatch.job.RunKey;
import com.pinbatch.result.PinsSentTo;
import com.pinbatch.text.SafeText;

import org.springframework.stereotype.Component;

/**
 * Reads and checks every input of a request before anything is sent (a bad one refuses the whole request), and names
 * each input's job instance: its run key, from the content's hash taken in that read and the options that change
 * what is sent. What the read found is kept for the input's plan step, so the job need not read the file again.
 */
@Component
class RequestedInputs {

	private final InputSurveys surveys;

	RequestedInputs(InputSurveys surveys) {
		this.surveys = surveys;
	}

	/**
	 * Throws a {@link RunRefusedException}, {@code InputFileException} or {@code MappingException}, with the one line
	 * to show, for the first input the request cannot run.
	 *
	 * @param checked filled with the request's inputs as they are checked, so that the caller can {@link #forget}
	 *                them even when a later one is refused
	 */
	void check(RunRequest request, RunListener listener, List<CheckedInput> checked) {
		List<Path> files = InputFiles.expand(request.sources(), !request.retryFailed(),
				note -> listener.info("input: " + SafeText.line(note)));
		InputSettling.of(request.settle()).await(files, note -> listener.info("input: " + SafeText.line(note)));
		if (request.results() != null && files.size() > 1) {
			throw new RunRefusedException("--results names one file but there are " + files.size()
					+ " inputs; leave --results out to get one result file per input");
		}
		List<Named> named = files.stream().map(file -> {
			RunRequest own = request.withSheet(RowSources.sheetNamed(file, request.sheet()));
			return new Named(file, own, resultPath(own, file, false));
		}).toList();
		Map<Path, List<Path>> byResultFile = named.stream()
			.collect(Collectors.groupingBy(Named::usualResults, Collectors.mapping(Named::file, Collectors.toList())));
		Set<Path> written = new HashSet<>();
		for (Named input : named) {
			List<Path> sharing = byResultFile.get(input.usualResults());
			Path results = sharing.size() > 1 && !usualExtension(input.file())
					? resultPath(input.request(), input.file(), true) : input.usualResults();
			if (!written.add(results)) {
				throw new RunRefusedException(sharing.stream().map(Path::getFileName).map(String::valueOf)
					.collect(Collectors.joining(" and ")) + " would write the same result file " + results
						+ "; rename one of them");
			}
			if (!results.equals(input.usualResults())) {
				listener.info("input: " + SafeText.line(input.file().getFileName() + " writes "
						+ results.getFileName() + ": " + input.usualResults().getFileName() + " is another input's"));
			}
			checkOne(input.request(), input.file(), results, listener, checked);
		}
	}

	/** An input with its request (the sheet as the workbook names it) and the result file it writes usually. */
	private record Named(Path file, RunRequest request, Path usualResults) {
	}

	/** {@code .csv} for text, {@code .xlsx} for a workbook: such an input keeps the short result file name. */
	private static boolean usualExtension(Path input) {
		return input.getFileName().toString().endsWith(RowSources.isWorkbook(input) ? ".xlsx" : ".csv");
	}

	/**
	 * @param request with the sheet as the workbook names it ({@code --sheet=pins} reads the sheet {@code Pins}): the
	 *                same sheet is the same run and the same result file, however its name was typed
	 */
	private void checkOne(RunRequest request, Path file, Path resultFile, RunListener listener,
			List<CheckedInput> checked) {
		if (request.retryFailed()) {
			// the input itself would be sent again as a new run, its result file's fixes never read
			RowSources.openResultFile(file, InputOptions.defaults(), "--retry-failed").close();
			String mismatch = PinsSentTo.mismatch(file, request.sandbox(), "--retry-failed");
			if (mismatch != null) {
				throw new RunRefusedException(mismatch);
			}
		}
		Path results = rehearsalResults(request, resultFile, listener);
		InputParameters parameters = parameters(request, file, results, null);
		String tooLong = parameters.tooLongToKeep(request.retryFailed() ? "--retry-failed" : "--input",
				request.results() != null);
		if (tooLong != null) {
			throw new RunRefusedException(file.getFileName() + ": " + tooLong);
		}
		InputSurveys.Surveyed surveyed = surveys.read(parameters);
		surveyed.check().assumptions().forEach(line -> listener.info("input: " + SafeText.line(line)));
		checkResultPath(file, parameters.results());
		InputParameters keyed = parameters(request, file, results, runKey(file, surveyed.check(), request))
			.withEncodingFound(surveyed.check().charset());
		surveys.keep(keyed, surveyed);
		checked.add(new CheckedInput(keyed, surveyed.check()));
	}

	/** Drops what no plan step took of the inputs' reads. */
	void forget(List<CheckedInput> checked) {
		checked.forEach(input -> surveys.forget(input.parameters()));
	}

	/** The input's job parameters; {@code runKey} null while it is being checked. */
	private static InputParameters parameters(RunRequest request, Path file, Path results, String runKey) {
		return new InputParameters(runKey, file, results, request.sheet(), request.encoding(),
				request.mapping(), request.account(), request.board(), request.timezone(), request.dateFormat(),
				request.whenNoDate(), request.spread(), request.mediaRoot(), request.checkMedia(), request.dryRun(),
				null, request.by());
	}

	/** @param checked the input's check: the digest it took of its bytes, and how its rows are numbered */
	static String runKey(Path input, InputInspector.Check checked, RunRequest options) {
		RunKey key = RunKey.ofParsed(input, checked.digest()).text(options.sheet()).file(options.mapping())
			.text(options.account()).text(options.board()).text(options.timezone().getId())
			.text(options.sandbox() ? "sandbox" : "live");
		// options that change what is sent; only when set, so the runs of earlier versions keep their keys
		if (options.dateFormat() != null) {
			key.text("date-format " + options.dateFormat());
		}
		if (options.encoding() != null) {
			key.text("encoding " + options.encoding());
		}
		if (!options.whenNoDate().equals("now")) {
			key.text("when-no-date " + options.whenNoDate());
		}
		if (options.spread()) {
			key.text("spread");
		}
		if (options.mediaRoot() != null) {
			key.text("media-root " + options.mediaRoot()); // a wider folder can turn refused rows into sendable ones
		}
		if (checked.separatorLineHidden()) {
			// rows numbered without Excel's hidden "sep=;" line since this version: a run an earlier version began
			// numbered them one more, and its stored rows are not this numbering's (a new run: no pin made twice)
			key.text("rows numbered as Excel shows them");
		}
		if (options.dryRun()) {
			// a dry run sends nothing, so repeating it should check the file again rather than report the last check
			key.text("dry-run " + System.nanoTime());
		}
		return key.build();
	}

	/**
	 * Beside the input: {@code NAME.results.csv}, or {@code NAME.results.xlsx} for a workbook (so it reopens with
	 * its colours and filter in the program that made it); a --sheet of a workbook goes into the name, so results of
	 * two sheets never overwrite each other. A --retry-failed run writes {@code .retry} likewise.
	 *
	 * @param withExtension the input's extension stays in the name ({@code pins.tsv.results.csv}): another input of
	 *                      the run, {@code pins.csv}, writes {@code pins.results.csv}
	 */
	static Path resultPath(RunRequest options, Path input, boolean withExtension) {
		if (options.results() != null) {
			return options.results();
		}
		String name = input.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 && !withExtension ? name.substring(0, dot) : name;
		boolean workbook = RowSources.isWorkbook(input);
		if (workbook && options.sheet() != null) {
			base += "." + options.sheet().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
		}
		String suffix = (options.retryFailed() ? ".retry" : ".results") + (workbook ? ".xlsx" : ".csv");
		Path folder = input.toAbsolutePath().getParent();
		return folder.resolve(base + suffix);
	}

	/**
	 * Where a run's result file goes, kept clear of one holding pins sent to Zernio when the run is on the sandbox: a
	 * rehearsal's lines would replace the post ids --follow-up and --retry-failed need (and be taken for pins on
	 * Pinterest). Beside it, {@code NAME.sandbox.results.csv}; a --results that names such a file is refused.
	 */
	private static Path rehearsalResults(RunRequest request, Path results, RunListener listener) {
		if (!request.sandbox() || PinsSentTo.of(results) != PinsSentTo.ZERNIO) {
			return results;
		}
		if (request.results() != null) {
			throw new RunRefusedException(results + " holds pins sent to Zernio; a run on the sandbox does not write"
					+ " over it: choose another --results");
		}
		String name = results.getFileName().toString();
		int kind = Math.max(name.lastIndexOf(".results."), name.lastIndexOf(".retry."));
		Path beside = results.resolveSibling(name.substring(0, kind) + ".sandbox" + name.substring(kind));
		listener.info("pinbatch: " + results.getFileName() + " holds pins sent to Zernio; this run on the sandbox"
				+ " writes " + beside.getFileName() + " instead");
		return beside;
	}

	private static void checkResultPath(Path input, Path results) {
		try {
			if (Files.exists(results) && Files.isSameFile(input, results)) {
				throw new RunRefusedException(
						"the result file " + results + " would overwrite the input; choose another --results");
			}
		}
		catch (IOException ex) {
			throw new RunRefusedException("cannot check " + results + ": " + ex.getMessage());
		}
		String refusal = WritableFolders.refusal(results, "result file", "--results");
		if (refusal != null) {
			throw new RunRefusedException(refusal);
		}
	}
}
