package com.pinbatch.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.pinbatch.text.ClosestNames;
import com.pinbatch.text.FileNames;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The product's own options, parsed by picocli ({@code --help}, {@code --version} and usage errors are generated from
 * these annotations). Arguments with a dot in their name ({@code --zernio.base-url=...},
 * {@code --spring.datasource.url=...}) are configuration properties: picocli leaves them unmatched and they are passed
 * on to Spring untouched; anything else unknown is a usage error with a "did you mean".
 */
@Command(name = "pinbatch", versionProvider = CommandLineOptions.Version.class, sortOptions = false,
		usageHelpWidth = 110,
		header = "pinbatch: create Pinterest pins in bulk from a CSV or XLSX file through the Zernio API.%n",
		synopsisHeading = "", customSynopsis = { "Usage:",
				"  java -jar pinbatch.jar --input=FILE [--input=FILE ...] [options]",
				"  java -jar pinbatch.jar --retry-failed=RESULTS [options]",
				"  java -jar pinbatch.jar --follow-up=RESULTS [options]",
				"  java -jar pinbatch.jar --prune-older-than=DAYS",
				"  java -jar pinbatch.jar --serve [--sandbox] [--server.port=8080] [--server.address=127.0.0.1]",
				"  java -jar pinbatch.jar --serve-sandbox [--pinbatch.sandbox.port=PORT]",
				"  java -jar pinbatch.jar --help | --version", "" },
		footerHeading = "%n", footer = {
				"  The API key is read from the environment variable ZERNIO_API_KEY (or zernio.api-key in a",
				"  config file), never from the command line, and is never printed or written. Behind an HTTP",
				"  proxy, set https_proxy (and no_proxy) as for curl, or zernio.proxy.",
				"",
				"Configuration properties:",
				"  --NAME.WITH.DOTS=VALUE         any configuration property (see config/application.yml), e.g.",
				"                                 --pinbatch.data-dir=DIR (job repository; default ~/.pinbatch/data),",
				"                                 --pinbatch.progress-interval=30s",
				"",
				"Exit codes:",
				"  0  every row PUBLISHED, SCHEDULED, CREATED, DUPLICATE or VALID",
				"  1  stopped before the end (key rejected, API unreachable, interrupted): run the same command again",
				"  2  usage or input error: nothing was sent",
				"  3  finished, but some rows are INVALID or FAILED: see the result file",
				"",
				"Examples:",
				"  java -jar pinbatch.jar --input=samples/pins.csv --sandbox",
				"  ZERNIO_API_KEY=sk_... java -jar pinbatch.jar --input=pins.xlsx --timezone=Europe/Berlin",
				"  java -jar pinbatch.jar --input=pins.csv --dry-run",
				"  java -jar pinbatch.jar --retry-failed=pins.results.csv",
				"  java -jar pinbatch.jar --follow-up=pins.results.csv",
				"  java -jar pinbatch.jar --input=a.csv --input=b.xlsx --summary=run.json --log-format=json",
				"  java -jar pinbatch.jar --prune-older-than=30",
				"  java -jar pinbatch.jar --serve --sandbox" })
public final class CommandLineOptions {

	public static final List<String> WHEN_NO_DATE = List.of("now", "queue", "draft");

	public static final List<String> LOG_FORMATS = List.of("text", "json");

	static final class InputGroup {

		@Option(names = "--input", paramLabel = "FILE|FOLDER", description = "CSV (comma, semicolon or tab; any"
				+ " encoding) or XLSX, told apart by content. Repeatable; a folder gives its .csv, .tsv, .xlsx and .xlsm"
				+ " files (not result files). Several inputs are one run, side by side, each with its own result file.")
		List<Path> inputs = new ArrayList<>();

		@Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first visible"
				+ " sheet)")
		String sheet;

		@Option(names = "--encoding", paramLabel = "NAME", converter = EncodingName.class, description = "the CSV's"
				+ " character encoding (e.g. windows-1252, x-MacRoman) when it is not UTF-8 or UTF-16 and the encoding"
				+ " detected (printed) is wrong")
		String encoding;

		@Option(names = "--mapping", paramLabel = "FILE", description = "column mapping (YAML) for spreadsheets with"
				+ " other headers (format: config/default-mapping.yml)")
		Path mapping;

		@Option(names = "--media-root", paramLabel = "DIR", converter = Folder.class, description = "local media files"
				+ " may come from this folder (default: the input file's folder; links are followed before the check)")
		Path mediaRoot;

		@Option(names = "--retry-failed", paramLabel = "RESULTS", description = "run again the INVALID, FAILED and"
				+ " PENDING rows of an earlier result file (fix them in that file first); rows whose pin is on Zernio"
				+ " are carried over")
		Path retryFailed;

		@Option(names = "--follow-up", paramLabel = "RESULTS", description = "ask Zernio what became of an earlier"
				+ " result file's rows still publishing (CREATED, DUPLICATE, SCHEDULED past their time), retry passing"
				+ " publish failures on the same post, and write the file again (same path unless --results); creates"
				+ " nothing")
		Path followUp;
	}

	static final class CreateGroup {

		@Option(names = "--account", paramLabel = "ID_OR_USERNAME", description = "account for rows that name none")
		String account;

		@Option(names = "--board", paramLabel = "ID_OR_NAME", description = "board for rows that name none")
		String board;

		@Option(names = "--timezone", paramLabel = "ZONE", converter = Zone.class, defaultValue = "UTC",
				description = "zone for publish dates without an offset (IANA name; default UTC)")
		ZoneId timezone;

		@Option(names = "--date-format", paramLabel = "PATTERN", converter = DatePattern.class, description = "publish"
				+ " dates written another way, as a java.time pattern (e.g. \"dd.MM.yyyy HH:mm\"); default: ISO-8601"
				+ " and the usual forms")
		String dateFormat;

		@Option(names = "--when-no-date", paramLabel = "now|queue|draft", converter = WhenNoDate.class,
				defaultValue = "now", description = "what an empty publish date means (default now)")
		String whenNoDate;

		@Option(names = "--spread", description = "spread publish times so no account goes over its caps")
		boolean spread;

		@Option(names = "--check-media", description = { "check every media URL (reachable, type, size) before"
				+ " sending; only public addresses are asked (also after redirects) unless",
				"--pinbatch.media-check.allow-private-addresses=true" })
		boolean checkMedia;

		@Option(names = "--dry-run", description = "read, map, validate and resolve boards; create nothing")
		boolean dryRun;
	}

	static final class OutputGroup {

		@Option(names = "--results", paramLabel = "FILE", description = "the per-row result file (default: beside the"
				+ " input, NAME.results.csv, or NAME[.SHEET].results.xlsx for a workbook; a name ending in .xlsx writes a"
				+ " workbook)")
		Path results;

		@Option(names = "--summary", paramLabel = "FILE", description = "also write the end-of-run summary as JSON (for"
				+ " automation)")
		Path summary;

		@Option(names = "--report", paramLabel = "FILE.html", description = "also write the rows and their outcome"
				+ " as one self-contained HTML page (the web console's result table; for e-mail)")
		Path report;

		@Option(names = "--verbose", description = "DEBUG logging: every send with its request id")
		boolean verbose;

		@Option(names = "--log-format", paramLabel = "text|json", converter = LogFormat.class, defaultValue = "text",
				description = "log lines as text (default) or as JSON (ECS) for log shippers")
		String logFormat;
	}

	static final class ZernioGroup {

		@Option(names = "--sandbox", description = "use the built-in Zernio simulator (no account or key needed)")
		boolean sandbox;

		@Option(names = "--serve-sandbox", description = "start the built-in Zernio simulator alone, until stopped"
				+ " (--pinbatch.sandbox.port, --pinbatch.sandbox.*): runs with --sandbox"
				+ " --pinbatch.sandbox.url=URL then share its key, rate window, caps and posts, as several hosts"
				+ " share one Zernio key")
		boolean serveSandbox;

		/** A configuration property like any other (passed on to Spring), declared to show in --help. */
		@Option(names = "--zernio.base-url", paramLabel = "URL", description = "API base URL (default"
				+ " https://zernio.com/api)")
		String baseUrl;
	}

	static final class MaintenanceGroup {

		@Option(names = "--prune-older-than", paramLabel = "DAYS", converter = Days.class, description = "delete job"
				+ " runs that ended more than DAYS days ago, with their stored row outcomes, from the job repository;"
				+ " processes no input (with --dry-run: deletes nothing, prints what it would delete)")
		Integer pruneOlderThan;
	}

	static final class ConsoleGroup {

		@Option(names = "--serve", description = "start the web console (upload, review, send, watch, fix, history) on"
				+ " 127.0.0.1:8080 (--server.port, --server.address); on another address it asks for a login"
				+ " (pinbatch.console.users in a config file)")
		boolean serve;
	}

	static final class OtherGroup {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
		boolean help;

		@Option(names = { "-V", "--version" }, versionHelp = true, description = "the version")
		boolean version;
	}

	@ArgGroup(validate = false, heading = "Input:%n", order = 1)
	private InputGroup input = new InputGroup();

	@ArgGroup(validate = false, heading = "%nWhat to create:%n", order = 2)
	private CreateGroup create = new CreateGroup();

	@ArgGroup(validate = false, heading = "%nOutput and reports:%n", order = 3)
	private OutputGroup output = new OutputGroup();

	@ArgGroup(validate = false, heading = "%nZernio:%n", order = 4)
	private ZernioGroup zernio = new ZernioGroup();

	@ArgGroup(validate = false, heading = "%nMaintenance:%n", order = 5)
	private MaintenanceGroup maintenance = new MaintenanceGroup();

	@ArgGroup(validate = false, heading = "%nWeb console:%n", order = 6)
	private ConsoleGroup console = new ConsoleGroup();

	@ArgGroup(validate = false, heading = "%nOther:%n", order = 7)
	private OtherGroup other = new OtherGroup();

	/** What picocli did not recognise: configuration properties for Spring, or mistakes. */
	@Unmatched
	private List<String> unmatched = new ArrayList<>();

	private final List<String> springArguments = new ArrayList<>();

	private final List<String> canonical = new ArrayList<>();

	private CommandLine commandLine;

	private CommandLineOptions() {
	}

	/** @throws UsageException with one line saying what is wrong, e.g. an unknown option and the likely one meant */
	public static CommandLineOptions parse(String... args) {
		CommandLineOptions options = new CommandLineOptions();
		CommandLine commandLine = new CommandLine(options);
		// "@file" is an ordinary file name here (an input may start with @), not a file of more arguments
		commandLine.setExpandAtFiles(false);
		commandLine.registerConverter(Path.class, CommandLineOptions::fileName);
		commandLine.getCommandSpec().usageMessage().longOptionsMaxWidth(28);
		options.commandLine = commandLine;
		refuseSecretsInJavaOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv());
		refuseOptionsAsValues(commandLine, args);
		try {
			ParseResult parsed = commandLine.parseArgs(args);
			if (options.zernio.baseUrl != null) {
				options.springArguments.add("--zernio.base-url=" + options.zernio.baseUrl);
			}
			options.sortUnmatched(commandLine);
			options.refuseBlankValues(parsed);
			options.canonical.addAll(canonical(parsed));
			options.canonical.addAll(options.springArguments);
		}
		catch (ParameterException ex) {
			throw new UsageException(message(ex));
		}
		options.check();
		return options;
	}

	/** A value refused by a converter reads as before picocli: {@code --timezone=Mars is not a time zone; ...}. */
	private static String message(ParameterException ex) {
		if (ex.getCause() instanceof TypeConversionException refused && ex.getArgSpec() instanceof OptionSpec option) {
			String given = option.longestName() + "=" + ex.getValue();
			return refused instanceof NotValid ? given + " " + refused.getMessage() : given + ": " + refused.getMessage();
		}
		return ex.getMessage();
	}

	/**
	 * "--summary --pinbatch.data-dir=D" is a forgotten value, not a summary file named after an option (the run would
	 * also lose the data folder it was given). A value of its own may start with one dash (--timezone -05:00).
	 */
	private static void refuseOptionsAsValues(CommandLine commandLine, String[] args) {
		for (int i = 0; i + 1 < args.length; i++) {
			OptionSpec option = commandLine.getCommandSpec().findOption(args[i]);
			if (option != null && option.arity().min() > 0 && args[i + 1].startsWith("--")) {
				throw new UsageException(option.longestName() + " needs a value, e.g. " + option.longestName() + "="
						+ option.paramLabel() + " (the next argument, " + args[i + 1] + ", is an option)");
			}
		}
	}

	/**
	 * Dotted names are configuration properties; anything else unmatched is a mistake, named with a suggestion. A
	 * property given twice is refused as an option given twice would be: Spring would join the two values with a
	 * comma and then call the joined value malformed ({@code 10s,60s is not a duration}).
	 */
	private void sortUnmatched(CommandLine commandLine) {
		Set<String> properties = new HashSet<>();
		for (String arg : unmatched) {
			String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
			if (name.contains(".")) {
				refuseSecret(name, arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "");
				if (!properties.add(name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))) {
					throw new UsageException("--" + name + " is given twice; give it once");
				}
				springArguments.add(arg);
			}
			else if (!arg.startsWith("-")) {
				throw new UsageException("unexpected argument '" + arg + "'; options look like --input=FILE (see --help)");
			}
			else {
				String option = arg.split("=", 2)[0];
				// the long option fewest typos away, whatever its case (--result is --results, not picocli's first
				// guess, --retry-failed, which runs another mode); never -h or -V, which a long typo holding "-h"
				// or "-v" would contain; else picocli's guess
				List<String> longNames = commandLine.getCommandSpec().optionsMap().keySet().stream()
					.filter(known -> known.startsWith("--"))
					.toList();
				List<String> suggestions = option.length() > 2 ? ClosestNames.to(option, longNames, 1) : List.of();
				if (suggestions.isEmpty()) {
					suggestions = new UnmatchedArgumentException(commandLine, List.of(arg)).getSuggestions();
				}
				throw new UsageException("unknown option " + option
						+ (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?") + " (see --help)");
			}
		}
	}

	/**
	 * picocli takes {@code --input=} as no value at all: say so instead of reading the current folder. An option of a
	 * group given twice is not refused by picocli: say that too rather than pick one.
	 */
	private static void refuseBlankValues(ParseResult parsed) {
		for (OptionSpec option : parsed.matchedOptions()) {
			if (!option.isMultiValue() && option.originalStringValues().size() > 1) {
				throw new UsageException(option.longestName() + " is given twice");
			}
			if (option.arity().min() > 0
					&& (option.originalStringValues().isEmpty() || option.originalStringValues().stream().anyMatch(String::isBlank))) {
				throw new UsageException(option.longestName() + " needs a value, e.g. " + option.longestName() + "="
						+ option.paramLabel());
			}
		}
	}

	/**
	 * The options as {@code --name=value} arguments, whichever way they were typed ({@code --input FILE} too), so that
	 * the printed commands can drop or swap an option by its name.
	 */
	private static List<String> canonical(ParseResult parsed) {
		List<String> arguments = new ArrayList<>();
		// an option given several times is matched once per time, and each match holds all of its values
		for (OptionSpec option : new LinkedHashSet<>(parsed.matchedOptions())) {
			if (option.longestName().contains(".")) {
				continue; // a configuration property: among the Spring arguments
			}
			if (option.arity().max() == 0) {
				if (Boolean.TRUE.equals(option.getValue())) {
					arguments.add(option.longestName());
				}
			}
			else {
				option.originalStringValues().forEach(value -> arguments.add(option.longestName() + "=" + value));
			}
		}
		return arguments;
	}

	/**
	 * {@code java -Dzernio.api-key=... -jar pinbatch.jar} shows the key in the process list as the option would. The
	 * JVM counts the options of JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS among its own: those are the environment's, as
	 * ZERNIO_API_KEY is, and stay allowed.
	 */
	static void refuseSecretsInJavaOptions(List<String> javaOptions, Map<String, String> environment) {
		String fromEnvironment = String.join(" ", environment.getOrDefault("JAVA_TOOL_OPTIONS", ""),
				environment.getOrDefault("JDK_JAVA_OPTIONS", ""), environment.getOrDefault("_JAVA_OPTIONS", ""));
		for (String option : javaOptions) {
			if (option.startsWith("-D") && !fromEnvironment.contains(option)) {
				String[] nameAndValue = option.substring(2).split("=", 2);
				refuseSecret(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
			}
		}
	}

	/**
	 * The API key, or a proxy's password, is never taken from the command line: other users see it in the process
	 * list, it stays in the shell history, and the printed "to resume" command would repeat it. Spring's relaxed
	 * names count too ({@code --zernio.apiKey}, {@code --ZERNIO_API_KEY}).
	 */
	private static void refuseSecret(String name, String value) {
		String relaxed = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		// Spring's settings as one JSON document ({"zernio":{"api-key":...}}) are the same settings
		String inJson = value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
		if (relaxed.equals("spring.application.json") && (inJson.contains("apikey")
				|| inJson.contains("proxy") && inJson.contains("@"))) {
			refuseSecret(inJson.contains("apikey") ? "zernio.api-key" : "zernio.proxy", "@");
		}
		if (relaxed.equals("zernio.apikey")) {
			throw new UsageException("the API key is not taken on the command line (it would show in the process"
					+ " list and the shell history): set ZERNIO_API_KEY, or zernio.api-key in a config file only you"
					+ " can read");
		}
		if (relaxed.equals("zernio.proxy") && value.contains("@")) {
			throw new UsageException("a proxy's user name and password are not taken on the command line (they would"
					+ " show in the process list and the shell history): set https_proxy in the environment, or"
					+ " zernio.proxy in a config file only you can read");
		}
	}

	private void check() {
		if (help() || version()) {
			return;
		}
		refuseGarbled("--sheet", sheet());
		refuseGarbled("--board", board());
		refuseGarbled("--account", account());
		refuseGarbled("--date-format", dateFormat());
		if (serveSandbox()) {
			if (serve() || !inputs().isEmpty() || retryFailed() != null || followUp() != null || prune()) {
				throw new UsageException("--serve-sandbox only serves the sandbox; run it on its own (with"
						+ " --pinbatch.sandbox.* settings), and the runs in other processes");
			}
			return;
		}
		if (serve()) {
			if (!inputs().isEmpty() || retryFailed() != null || followUp() != null || prune()) {
				throw new UsageException("--serve starts the web console, where files are uploaded; run it without"
						+ " --input, --retry-failed, --follow-up or --prune-older-than");
			}
			// a command's own outputs and modes, which the console's runs never took (before: ignored in silence)
			String ofARun = dryRun() ? "--dry-run" : results() != null ? "--results" : summary() != null
					? "--summary" : report() != null ? "--report" : null;
			if (ofARun != null) {
				throw new UsageException(ofARun + " is for a run of the command line; the web console reviews each"
						+ " upload before it is sent and writes its result file beside it: run --serve without it");
			}
			return;
		}
		if (prune()) {
			if (!inputs().isEmpty() || retryFailed() != null || followUp() != null) {
				throw new UsageException("--prune-older-than tidies the job repository and processes no input; run it"
						+ " on its own, without --input or --retry-failed");
			}
			return;
		}
		if (followUp() != null) {
			if (dryRun()) {
				throw new UsageException("--follow-up creates nothing and only asks Zernio; leave --dry-run out");
			}
			if (!inputs().isEmpty() || retryFailed() != null) {
				throw new UsageException("--follow-up reads its rows from the result file; give it without --input or"
						+ " --retry-failed");
			}
			return;
		}
		if (inputs().isEmpty() && retryFailed() == null) {
			throw new UsageException("no input: give --input=FILE (CSV or XLSX), --retry-failed=RESULTS or"
					+ " --follow-up=RESULTS (see --help)");
		}
		if (!inputs().isEmpty() && retryFailed() != null) {
			throw new UsageException("give either --input or --retry-failed, not both: --retry-failed reads the rows from the result file");
		}
		if (results() != null && inputs().size() > 1) {
			throw new UsageException("--results names one file but there are " + inputs().size()
					+ " inputs; leave --results out to get one result file per input");
		}
	}

	/**
	 * Refuses a value that reached Java garbled: under cron's default language setting (LANG unset or C) Java reads
	 * the command line as plain ASCII, and "Février" arrives as "F\uFFFD\uFFFDvrier". Such a sheet name failed the
	 * run with a stack trace and exit 1 (which a Kubernetes CronJob retries for ever), a board never matched.
	 */
	private static void refuseGarbled(String option, String value) {
		if (value != null && value.indexOf('\uFFFD') >= 0) {
			throw new UsageException(option + "=" + value + " reached pinbatch garbled: this system's language setting"
					+ " (LANG unset or C, as under cron) lets Java read only plain ASCII on the command line: set"
					+ " LANG=C.UTF-8 (in a crontab, on a line of its own above the job)");
		}
	}

	/** The generated {@code --help} text. */
	public String usage() {
		return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
	}

	public void printVersion(java.io.PrintStream out) {
		commandLine.printVersionHelp(out, CommandLine.Help.Ansi.OFF);
	}

	/**
	 * The options as {@code --name=value} arguments followed by the configuration properties, as given: the command
	 * that resumes a run, and the base of the commands that retry or follow up its rows.
	 */
	public List<String> arguments() {
		return List.copyOf(canonical);
	}

	/** True for {@code --prune-older-than=DAYS}: tidy the job repository instead of processing an input. */
	public boolean prune() {
		return pruneOlderThan() != null;
	}

	public boolean jsonLogs() {
		return logFormat().equals("json");
	}

	/** The files to process: the inputs, or the earlier result file to retry. */
	public List<Path> sources() {
		return retryFailed() != null ? List.of(retryFailed()) : inputs();
	}

	public List<Path> inputs() {
		return List.copyOf(input.inputs);
	}

	public Path results() {
		return output.results;
	}

	public String sheet() {
		return input.sheet;
	}

	/** The CSV input's character encoding (Java charset name); null: UTF-8/UTF-16 as marked, else detected. */
	public String encoding() {
		return input.encoding;
	}

	public Path mapping() {
		return input.mapping;
	}

	public boolean dryRun() {
		return create.dryRun;
	}

	public boolean sandbox() {
		return zernio.sandbox;
	}

	public boolean serveSandbox() {
		return zernio.serveSandbox;
	}

	public Path retryFailed() {
		return input.retryFailed;
	}

	/** Follow-up mode: the result file whose rows still publishing are asked about on Zernio; null: none. */
	public Path followUp() {
		return input.followUp;
	}

	public String account() {
		return create.account;
	}

	public String board() {
		return create.board;
	}

	public ZoneId timezone() {
		return create.timezone;
	}

	/** java.time pattern for publish dates in another format; null: ISO-8601 and the usual forms. */
	public String dateFormat() {
		return create.dateFormat;
	}

	/** What an empty publish date means: {@code now}, {@code queue} or {@code draft}. */
	public String whenNoDate() {
		return create.whenNoDate;
	}

	public boolean spread() {
		return create.spread;
	}

	public boolean checkMedia() {
		return create.checkMedia;
	}

	/** Where to write the machine-readable JSON summary; null: none. */
	public Path summary() {
		return output.summary;
	}

	/** Where to write the run as one self-contained HTML page; null: none. */
	public Path report() {
		return output.report;
	}

	public boolean verbose() {
		return output.verbose;
	}

	/** {@code text} or {@code json} (structured log lines for log shippers). */
	public String logFormat() {
		return output.logFormat;
	}

	/** Prune mode: delete job runs (and their stored row outcomes) older than this many days; null: no pruning. */
	public Integer pruneOlderThan() {
		return maintenance.pruneOlderThan;
	}

	/** Console mode: start the web console instead of processing an input. */
	public boolean serve() {
		return console.serve;
	}

	public boolean help() {
		return commandLine.isUsageHelpRequested();
	}

	public boolean version() {
		return commandLine.isVersionHelpRequested();
	}

	/** The configuration properties given as {@code --name.with.dots=value}, in order, for Spring. */
	public List<String> springArguments() {
		return List.copyOf(springArguments);
	}

	/** The folder local media files may come from (its real path); null: each input's folder. */
	public Path mediaRoot() {
		return input.mediaRoot;
	}

	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = PinbatchApplication.class.getPackage().getImplementationVersion();
			return new String[] { "pinbatch " + (version == null ? "(development build)" : version) };
		}
	}

	/** A converter's refusal, worded to follow {@code --name=value}. */
	private static final class NotValid extends TypeConversionException {

		NotValid(String message) {
			super(message);
		}
	}

	static final class Zone implements ITypeConverter<ZoneId> {

		@Override
		public ZoneId convert(String value) {
			try {
				return ZoneId.of(value);
			}
			catch (DateTimeException ex) {
				throw new NotValid("is not a time zone; use an IANA name such as Europe/Berlin"
						+ " or America/New_York");
			}
		}
	}

	static final class EncodingName implements ITypeConverter<String> {

		@Override
		public String convert(String name) {
			try {
				return Charset.forName(name.strip()).name();
			}
			catch (IllegalArgumentException ex) {
				throw new NotValid("is not a character encoding Java knows; use e.g."
						+ " --encoding=windows-1252, ISO-8859-15, x-MacRoman or UTF-16LE");
			}
		}
	}

	static final class DatePattern implements ITypeConverter<String> {

		@Override
		public String convert(String pattern) {
			try {
				DateTimeFormatter.ofPattern(pattern);
				return pattern;
			}
			catch (IllegalArgumentException ex) {
				throw new NotValid("is not a date pattern (" + ex.getMessage()
						+ "); use java.time letters, e.g. --date-format=dd.MM.yyyy HH:mm");
			}
		}
	}

	static final class WhenNoDate implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			return oneOf(value, WHEN_NO_DATE);
		}
	}

	static final class LogFormat implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			return oneOf(value, LOG_FORMATS);
		}
	}

	private static String oneOf(String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw new NotValid("is not one of " + String.join(", ", allowed));
		}
		return value;
	}

	static final class Days implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			try {
				int days = Integer.parseInt(value.strip());
				if (days >= 0) {
					return days;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new NotValid("is not a number of days; e.g. --prune-older-than=30");
		}
	}

	/** A file's name as given; one this system cannot open says why (under cron, a name that is not ASCII). */
	private static Path fileName(String value) {
		if (!FileNames.canName(value)) {
			throw new NotValid(FileNames.CANNOT_OPEN);
		}
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new NotValid("is not a file name (" + ex.getReason() + ")");
		}
	}

	/** An existing folder, taken by its real path. */
	static final class Folder implements ITypeConverter<Path> {

		@Override
		public Path convert(String value) {
			Path named = fileName(value);
			try {
				Path folder = named.toRealPath();
				if (Files.isDirectory(folder)) {
					return folder;
				}
			}
			catch (IOException ex) {
				// reported below
			}
			throw new NotValid("is not a folder; give the folder local media files may come"
					+ " from, e.g. --media-root=/srv/images");
		}
	}
}
