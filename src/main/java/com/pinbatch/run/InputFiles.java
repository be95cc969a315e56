package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.pinbatch.input.InputFileException;
import com.pinbatch.text.FileNames;

/**
 * The files a command processes: each {@code --input} as given, a folder as the spreadsheets in it. A night's
 * imports often arrive as a folder that also holds last night's result files, so those, hidden files and Excel's
 * lock files ({@code ~$name.xlsx}) are left out. The same file named twice is processed once.
 */
public final class InputFiles {

	private static final List<String> SPREADSHEETS = List.of(".csv", ".tsv", ".xlsx", ".xlsm");

	/** Files a team may drop in an input folder that pinbatch does not read, by ending, with what to do. */
	private static final Map<String, String> NOT_READ = new LinkedHashMap<>();

	static {
		NOT_READ.put(".xls", "an Excel 97-2003 workbook: save it as .xlsx or CSV UTF-8");
		NOT_READ.put(".xlsb", "a binary Excel workbook: save it as .xlsx or CSV UTF-8");
		NOT_READ.put(".ods", "an OpenDocument sheet: save it as .xlsx or CSV UTF-8");
		NOT_READ.put(".numbers", "a Numbers sheet: export it as .xlsx or CSV");
		// what Google Drive for desktop puts in a synced folder for a Google Sheet: a link, not the sheet
		NOT_READ.put(".gsheet", "a Google Drive shortcut to a Google Sheet: download the sheet as .xlsx or CSV"
				+ " (File > Download) into the folder");
		NOT_READ.put(".txt", "a text export: if it holds pins, name it .tsv (tab-separated) or .csv");
	}

	/** What pinbatch itself writes beside an input: never an input. */
	private static final List<String> OUR_OUTPUTS = List.of(".results.csv", ".results.xlsx", ".retry.csv",
			".retry.xlsx");

	private InputFiles() {
	}

	/**
	 * Refuses a named file that is not there (a mistyped path, the commonest mistake: told at once, not after the
	 * seconds Spring and the job repository take to start), or that exists but is not a regular file (a FIFO, a
	 * device, a socket): reading one may block forever. Called before the data folder is locked, so nothing waits
	 * while holding it.
	 */
	public static void refuseMissingOrNonRegular(List<Path> given, String option) {
		for (Path path : given) {
			if (!Files.exists(path)) {
				throw InputFileException.notFound(path, option);
			}
			if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
				throw new RunRefusedException(option + "=" + path + " is not a regular file (a pipe, device or socket);"
						+ " save the data to a file and give that");
			}
		}
	}

	/**
	 * @param emptyIsQuiet whether a folder with nothing to read is a quiet night (a nightly --input), rather than a
	 *                     usage error (a --retry-failed, which reads result files, never a folder's)
	 * @param notes        told of the files a folder holds that look like a team's spreadsheets but are not read (an
	 *                     {@code .xls}, a {@code .txt} export), with what to do: a nightly run would otherwise skip a
	 *                     colleague's file without a word
	 */
	public static List<Path> expand(List<Path> given, boolean emptyIsQuiet, Consumer<String> notes) {
		Map<Path, Path> files = new LinkedHashMap<>();
		for (Path path : given) {
			if (Files.isDirectory(path)) {
				List<Path> listed = filesIn(path);
				Optional<String> unread = unread(path, listed);
				unread.ifPresent(notes);
				List<Path> inFolder = spreadsheets(path, listed);
				if (inFolder.isEmpty() && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".numbers")) {
					// macOS shows a Numbers document kept as a package as one file; it is a folder of its parts
					throw new RunRefusedException(path + " is an Apple Numbers document, not a folder of inputs: in"
							+ " Numbers choose File > Export To > Excel (or CSV) and give that file");
				}
				if (inFolder.isEmpty() && (unread.isPresent() || !emptyIsQuiet)) {
					// a colleague's sheet no run would ever read: the user must act, before a night passes silently
					throw new RunRefusedException("the folder " + path + " holds no input: pinbatch reads the "
							+ String.join(", ", SPREADSHEETS) + " files in it (not result files or hidden files)");
				}
				if (inFolder.isEmpty()) {
					// a nightly inbox on a night nothing arrived in (or emptied of what was processed): nothing to do,
					// which a monitor must not take for a failure
					notes.accept("the folder " + path + " holds no input: nothing to do there (pinbatch reads the "
							+ String.join(", ", SPREADSHEETS) + " files in it, not result files or hidden files)");
				}
				inFolder.forEach(file -> files.putIfAbsent(identity(file), file));
			}
			else {
				files.putIfAbsent(identity(path), path);
			}
		}
		return new ArrayList<>(files.values());
	}

	/** The folder's files (not its folders), by name. */
	private static List<Path> filesIn(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isRegularFile)
				.sorted(Comparator.comparing(file -> file.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new RunRefusedException("cannot list the folder " + folder + ": " + ex.getMessage());
		}
	}

	/** The inputs among a folder's files. */
	private static List<Path> spreadsheets(Path folder, List<Path> files) {
		List<Path> inputs = files.stream().filter(InputFiles::isInput).toList();
		// its result file could not be named either: refused before anything is sent, rather than a file left out
		for (Path input : inputs) {
			if (!FileNames.canName(input.getFileName().toString())) {
				throw new RunRefusedException("the folder " + folder + " holds " + input.getFileName() + ", whose name "
						+ FileNames.CANNOT_OPEN);
			}
		}
		return inputs;
	}

	/**
	 * "the folder inbox holds files pinbatch does not read: old.xls (an Excel 97-2003 workbook: save it as .xlsx or
	 * CSV UTF-8), ...", for those of a folder's files that look like a team's spreadsheets.
	 */
	private static Optional<String> unread(Path folder, List<Path> files) {
		List<String> unread = files.stream()
			.map(file -> file.getFileName().toString())
			.filter(InputFiles::isVisible)
			.flatMap(name -> NOT_READ.entrySet()
				.stream()
				.filter(kind -> name.toLowerCase(Locale.ROOT).endsWith(kind.getKey()))
				.map(kind -> name + " (" + kind.getValue() + ")")
				.limit(1))
			.toList();
		if (unread.isEmpty()) {
			return Optional.empty();
		}
		int shown = Math.min(unread.size(), 5);
		return Optional.of("the folder " + folder + " holds files pinbatch does not read: "
				+ String.join(", ", unread.subList(0, shown))
				+ (unread.size() > shown ? " and " + (unread.size() - shown) + " more" : ""));
	}

	public static boolean isInput(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return isVisible(name) && SPREADSHEETS.stream().anyMatch(name::endsWith)
				&& OUR_OUTPUTS.stream().noneMatch(name::endsWith);
	}

	/** Not a hidden file, nor the lock file Excel keeps beside a workbook it has open ({@code ~$name.xlsx}). */
	private static boolean isVisible(String name) {
		return !name.startsWith(".") && !name.startsWith("~$");
	}

	/** The same file however it is named (relative, absolute, through a link). */
	private static Path identity(Path file) {
		try {
			return file.toRealPath();
		}
		catch (IOException ex) {
			return file.toAbsolutePath().normalize(); // missing: the survey reports it
		}
	}
}
