package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The product's own options ({@code --name=value} or {@code --flag}). Options with a dot in their name
 * ({@code --zernio.base-url=...}, {@code --spring.datasource.url=...}) are configuration properties and are passed
 * on to Spring untouched; anything else unknown is a usage error.
 */
public record CommandLineOptions(List<Path> inputs, Path results, String sheet, Path mapping, boolean dryRun,
		boolean sandbox, Path retryFailed, String account, String board, ZoneId timezone, boolean help,
		boolean version, List<String> springArguments) {

	private static final Set<String> FLAGS = Set.of("dry-run", "sandbox", "help", "version");

	private static final Set<String> VALUED = Set.of("input", "results", "sheet", "mapping", "retry-failed",
			"account", "board", "timezone");

	public static CommandLineOptions parse(String... args) {
		List<Path> inputs = new ArrayList<>();
		List<String> spring = new ArrayList<>();
		Map<String, String> single = new HashMap<>();
		Set<String> flags = new HashSet<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new UsageException("unexpected argument '" + arg + "'; options look like --input=FILE (see --help)");
			}
			int equals = arg.indexOf('=');
			String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
			String value = equals < 0 ? null : arg.substring(equals + 1);
			if (name.contains(".")) {
				spring.add(arg);
			}
			else if (FLAGS.contains(name)) {
				if (value != null) {
					throw new UsageException("--" + name + " takes no value");
				}
				flags.add(name);
			}
			else if (VALUED.contains(name)) {
				if (value == null || value.isBlank()) {
					throw new UsageException("--" + name + " needs a value, e.g. --" + name + "=" + example(name));
				}
				if (name.equals("input")) {
					inputs.add(Path.of(value));
				}
				else if (single.put(name, value) != null) {
					throw new UsageException("--" + name + " is given twice");
				}
			}
			else {
				throw new UsageException("unknown option --" + name + " (see --help)");
			}
		}
		CommandLineOptions options = new CommandLineOptions(List.copyOf(inputs), path(single.get("results")),
				single.get("sheet"), path(single.get("mapping")), flags.contains("dry-run"), flags.contains("sandbox"),
				path(single.get("retry-failed")), single.get("account"), single.get("board"),
				zone(single.get("timezone")), flags.contains("help"), flags.contains("version"), List.copyOf(spring));
		options.check();
		return options;
	}

	private void check() {
		if (help || version) {
			return;
		}
		if (inputs.isEmpty() && retryFailed == null) {
			throw new UsageException("no input: give --input=FILE (CSV or XLSX) or --retry-failed=RESULTS (see --help)");
		}
		if (!inputs.isEmpty() && retryFailed != null) {
			throw new UsageException("give either --input or --retry-failed, not both: --retry-failed reads the rows from the result file");
		}
		if (results != null && inputs.size() > 1) {
			throw new UsageException("--results names one file but there are " + inputs.size()
					+ " inputs; leave --results out to get one result file per input");
		}
	}

	/** The files to process: the inputs, or the earlier result file to retry. */
	public List<Path> sources() {
		return retryFailed != null ? List.of(retryFailed) : inputs;
	}

	private static Path path(String value) {
		return value == null ? null : Path.of(value);
	}

	private static ZoneId zone(String value) {
		if (value == null) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(value);
		}
		catch (DateTimeException ex) {
			throw new UsageException("--timezone=" + value
					+ " is not a time zone; use an IANA name such as Europe/Berlin or America/New_York");
		}
	}

	private static String example(String name) {
		return switch (name) {
			case "input" -> "pins.csv";
			case "results" -> "results.csv";
			case "retry-failed" -> "pins.results.csv";
			case "timezone" -> "Europe/Berlin";
			case "mapping" -> "mapping.yml";
			default -> "VALUE";
		};
	}
}
