package com.pinbatch.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.pinbatch.concurrent.Pause;
import com.pinbatch.console.ConsoleAddress;
import com.pinbatch.console.ConsoleConfiguration;
import com.pinbatch.console.ConsoleRefusedException;
import com.pinbatch.follow.FollowUpJobConfiguration;
import com.pinbatch.input.InputFileException;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.lease.RunLeaseConfiguration;
import com.pinbatch.run.ExitCode;
import com.pinbatch.run.InputFiles;
import com.pinbatch.run.JobRepositoryPruner;
import com.pinbatch.run.RunConfiguration;
import com.pinbatch.run.RunRefusedException;
import com.pinbatch.schema.PinbatchSchema;
import com.pinbatch.stop.GracefulStop;
import com.pinbatch.text.SafeText;
import com.pinbatch.zernio.HttpProxy;

import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line entry point. Options are parsed before Spring starts and the data folder is locked before the job
 * repository opens, so usage errors and a concurrent run are refused at once with a one-line message and exit code 2.
 * The application's parts are listed, each feature's configuration naming its own, rather than found by scanning the
 * class path: the scans (components, settings records) read every class file under com.pinbatch at each start, about
 * a fifth of a start's time in a profile (ApplicationPartsTests checks that nothing is left out).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ PinbatchSchema.class, RunLeaseConfiguration.class, PinImportJobConfiguration.class,
		FollowUpJobConfiguration.class, RunConfiguration.class, ConsoleConfiguration.class, PinbatchCommand.class })
public class PinbatchApplication {

	/** HikariCP's window after a connection's last use in which it lends it without checking it (500 ms). */
	private static final String HIKARI_ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

	/** Auto-configurations that only the web console needs (--serve). */
	/** What Flyway says when another process created its history table a moment ago and is still migrating. */
	private static final String TABLES_BEING_CREATED = "Unable to baseline schema history table";

	/** Long enough for another process to create pinbatch's tables (they take well under a second). */
	private static final Duration TABLES_CREATED_WITHIN = Duration.ofSeconds(3);

	private static final String WEB_ONLY = String.join(",",
			"org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration");

	static {
		// the pool checks every connection it lends, not only those idle for half a second: after a restart or a
		// failover of a shared PostgreSQL, the connections it held are dead, and one lent unchecked failed the run
		// (the check is a round trip on PostgreSQL, nothing on the embedded HSQLDB; a run borrows a few a second)
		if (System.getProperty(HIKARI_ALIVE_BYPASS) == null) {
			System.setProperty(HIKARI_ALIVE_BYPASS, "-1");
		}
	}

	public static void main(String[] args) {
		OutputEncoding.apply();
		HttpProxy.allowBasicCredentialsOnTunnels(); // before any HTTP client is made: the JDK reads it once
		ShutdownCoordinator.install();
		TerminalStatusLine.installIfTerminal();
		int code = ExitCode.STOPPED.code();
		try {
			code = run(args, System.out, System.err);
		}
		catch (Throwable unexpected) { // whatever it is, the process must end: a nightly job would hang
			System.err.println("pinbatch: stopped by an unexpected error: " + SafeText.line(unexpected.toString()));
		}
		ShutdownCoordinator.exit(code);
	}

	/** Runs one command line and returns the exit code (tests call this in-process). */
	public static int run(String[] args, PrintStream terminalOut, PrintStream terminalErr) {
		// everything the command prints may quote a cell, a file name or a server: one sanitiser for all of it
		PrintStream out = SafeText.printStream(terminalOut);
		PrintStream err = SafeText.printStream(terminalErr);
		SafeLogLines.install(); // and all it logs
		try {
			return runCommand(args, out, err);
		}
		catch (RuntimeException unexpected) {
			// a defect, not the user's doing: one line, the details for a report at debug level
			LoggerFactory.getLogger(PinbatchApplication.class).debug("unexpected error", unexpected);
			return refuse(ExitCode.STOPPED, "stopped by an unexpected error: " + rootMessage(unexpected)
					+ " — running the same command again resumes, sending nothing twice; if it comes back, run it"
					+ " with --logging.level.com.pinbatch=debug and report what it prints",
					SummaryFile.requestedIn(args), out, err);
		}
	}

	private static int runCommand(String[] args, PrintStream out, PrintStream err) {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (UsageException ex) {
			return refuse(ExitCode.USAGE, ex.getMessage(), SummaryFile.requestedIn(args), out, err);
		}
		if (options.help()) {
			out.print(options.usage());
			return ExitCode.SUCCESS.code();
		}
		if (options.version()) {
			options.printVersion(out);
			return ExitCode.SUCCESS.code();
		}
		try {
			InputFiles.refuseMissingOrNonRegular(options.inputs(), "--input");
			InputFiles.refuseMissingOrNonRegular(nullable(options.retryFailed()), "--retry-failed");
			InputFiles.refuseMissingOrNonRegular(nullable(options.followUp()), "--follow-up");
			InputFiles.refuseMissingOrNonRegular(nullable(options.mapping()), "--mapping");
		}
		catch (UsageException | RunRefusedException | InputFileException ex) {
			return refuse(ExitCode.USAGE, ex.getMessage(), options.summary(), out, err);
		}
		String notOurs = OwnOutputFiles.refusal(options);
		if (notOurs != null) {
			// the summary still says so, yesterday's never left in place, unless it is the file refused
			Path summary = options.summary();
			if (summary != null && OwnOutputFiles.isOthers(summary, OwnOutputFiles.SUMMARY_MARK)) {
				summary = null;
			}
			return refuse(ExitCode.USAGE, notOurs, summary, out, err);
		}
		// a monitor must not read last night's summary while this command runs, nor after it was killed
		SummaryFile.removeEarlier(options.summary());
		String summaryProblem = options.summary() == null ? null : SummaryFile.problem(options.summary());
		if (summaryProblem != null) {
			return refuse(ExitCode.USAGE, summaryProblem, null, out, err);
		}
		if (options.serve()) {
			return serve(options, out, err);
		}
		if (options.serveSandbox()) {
			CountDownLatch stopped = new CountDownLatch(1);
			ShutdownCoordinator.onStop(stopped::countDown, "pinbatch: stopping the sandbox...");
			try {
				return SandboxServer.serve(options, out, stopped).code();
			}
			catch (UsageException ex) {
				return refuse(ExitCode.USAGE, ex.getMessage(), null, out, err);
			}
		}
		if (!options.jsonLogs()) {
			out.println(StartLine.of(options)); // at once: starting Spring and the job repository takes seconds
		}
		try (DataFolder dataFolder = new DataFolder(options.prune())) {
			ConfigurableApplicationContext started;
			try {
				started = startAlongsideOthers(options, dataFolder);
			}
			catch (UsageException ex) {
				return refuse(ExitCode.USAGE, ex.getMessage(), options.summary(), out, err);
			}
			catch (RuntimeException ex) {
				Optional<String> badSetting = ConfigurationCheck.badValue(ex);
				if (badSetting.isPresent()) {
					return refuse(ExitCode.USAGE, badSetting.get(), options.summary(), out, err);
				}
				return refuse(ExitCode.STOPPED, "cannot start: " + rootMessage(ex)
						+ " (check spring.datasource.* and the data folder; nothing was sent)", options.summary(), out,
						err);
			}
			try (ConfigurableApplicationContext context = started) {
				// with JSON logs, standard output carries only JSON lines: the report becomes log events too
				PrintStream report = options.jsonLogs() ? SafeText.printStream(LogLineStream.create()) : out;
				report.println("pinbatch: data folder (job repository, run lock): " + dataFolder.path());
				if (options.prune()) {
					int code = prune(context.getBean(JobRepositoryPruner.class), options.pruneOlderThan(),
							options.dryRun(), report);
					if (options.summary() != null) {
						SummaryFile.writeAndTell(options.summary(), JsonMapper.builder().build(), List.of(),
								ExitCode.SUCCESS, null, report, err);
					}
					return code;
				}
				GracefulStop stop = context.getBean(GracefulStop.class);
				ShutdownCoordinator.onStop(stop::request);
				return context.getBean(PinbatchCommand.class).execute(options, options.arguments(), report, err).code();
			}
		}
		catch (UsageException | RunRefusedException ex) {
			return refuse(ExitCode.USAGE, ex.getMessage(), options.summary(), out, err);
		}
		catch (UncheckedIOException ex) {
			// a file the run writes (the result file) could not be written: a full disk, a folder gone. The outcomes
			// are in the job repository, and the earlier result file is still whole (files are moved into place)
			return refuse(ExitCode.STOPPED, ex.getMessage() + " — the outcomes are kept: make room or let this user"
					+ " write there (or give --results another folder), then run the same command again; nothing is"
					+ " sent twice", options.summary(), out, err);
		}
	}

	private static List<Path> nullable(Path path) {
		return path == null ? List.of() : List.of(path);
	}

	/**
	 * Ends a command that could not process its inputs: the one-line reason, and the summary file when one is asked
	 * for, so that an older summary (perhaps of a successful run) never stays in place.
	 */
	private static int refuse(ExitCode exitCode, String message, Path summary, PrintStream out, PrintStream err) {
		String reason = SafeText.line(message); // a file name or a driver's message may hold anything
		err.println("pinbatch: " + reason);
		if (summary != null) {
			SummaryFile.writeAndTell(summary, JsonMapper.builder().build(), List.of(), exitCode, reason, out, err);
		}
		return exitCode.code();
	}

	/**
	 * {@code --serve}: the web console, until the process is stopped (Ctrl-C, SIGTERM). It holds the data folder
	 * like a run does, and launches its runs in this process.
	 */
	private static int serve(CommandLineOptions options, PrintStream out, PrintStream err) {
		CountDownLatch stopped = new CountDownLatch(1);
		out.println("pinbatch: starting the web console...");
		ConfigurableApplicationContext console;
		try {
			console = startConsole(options);
		}
		catch (UsageException | ConsoleRefusedException ex) {
			return refuse(ExitCode.USAGE, ex.getMessage(), null, out, err);
		}
		catch (RuntimeException ex) {
			// the details for a report, with --verbose
			LoggerFactory.getLogger(PinbatchApplication.class).debug("the console did not start", ex);
			return refuse(ConfigurationCheck.badValue(ex).isPresent() ? ExitCode.USAGE : ExitCode.STOPPED,
					ConfigurationCheck.badValue(ex).orElse(ConsoleStartProblem.describe(ex, options.springArguments())),
					null, out, err);
		}
		try (console) {
			out.println("pinbatch: data folder (job repository, run lock): "
					+ console.getEnvironment().getProperty(DataFolder.KEY));
			ConsoleAddress address = console.getBean(ConsoleAddress.class);
			out.println("pinbatch: console on " + address.url() + " (Ctrl-C stops it)");
			if (address.plainHttpWarning() != null) {
				err.println(address.plainHttpWarning());
			}
			GracefulStop stop = console.getBean(GracefulStop.class);
			ShutdownCoordinator.onStop(() -> {
				stop.request();
				stopped.countDown();
			}, "pinbatch: stopping the console: a send going on finishes its rows in flight and writes its result"
					+ " file...");
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return ExitCode.SUCCESS.code();
	}

	/**
	 * Starts the web console ({@code --serve} and the options given with it); closing the context releases the data
	 * folder. Tests start it in-process with this.
	 */
	public static ConfigurableApplicationContext startConsole(String... args) {
		return startConsole(CommandLineOptions.parse(args));
	}

	private static ConfigurableApplicationContext startConsole(CommandLineOptions options) {
		if (!options.serve()) {
			throw new UsageException("the console starts with --serve");
		}
		DataFolder dataFolder = new DataFolder();
		try {
			ConfigurableApplicationContext console = start(options, dataFolder);
			console.addApplicationListener((ContextClosedEvent closed) -> dataFolder.close());
			return console;
		}
		catch (RuntimeException ex) {
			dataFolder.close();
			throw ex;
		}
	}

	private static ConfigurableApplicationContext start(CommandLineOptions options, DataFolder dataFolder) {
		SpringApplication application = new SpringApplication(PinbatchApplication.class);
		// the command line stays a plain process: no web server, no security filters, unless --serve asks for them
		application.setWebApplicationType(options.serve() ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		if (options.serve()) {
			application.addListeners(ConsoleAddress.guardWithoutUsers());
		}
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.addListeners(new UntrustedConfigFiles(), UntrustedConfigFiles.refusal(),
				ConfigurationCheck.unknownKeys(), dataFolder);
		Map<String, Object> defaults = new HashMap<>();
		Path home = DataFolder.byDefault();
		if (home != null) {
			defaults.put(DataFolder.KEY, home.toString());
		}
		// the console listens on loopback unless told otherwise (Spring Boot's own default is every address)
		defaults.put("server.address", "127.0.0.1");
		// the log lines (Logback's) in the encoding the command prints in
		defaults.put("logging.charset.console", OutputEncoding.chosen().name());
		if (!options.serve()) {
			// a command line run builds no page engine and no user store: only the console uses them
			defaults.put("spring.autoconfigure.exclude", WEB_ONLY);
		}
		application.setDefaultProperties(defaults);
		// the command stops the job itself on SIGTERM and then closes the context; Spring must not close it first
		application.setRegisterShutdownHook(false);
		List<String> springArgs = new ArrayList<>();
		if (options.verbose()) {
			springArgs.add("--logging.level.com.pinbatch=DEBUG");
			// the stack traces of a stopped or failed run, which otherwise are summed up in one line
			springArgs.add("--logging.level.org.springframework.batch=ERROR");
			springArgs.add("--logging.level.com.zaxxer.hikari=WARN");
			springArgs.add("--logging.level.org.springframework.transaction=ERROR");
		}
		if (options.jsonLogs()) {
			springArgs.add("--logging.structured.format.console=ecs");
		}
		if (options.serve() && options.sandbox()) {
			springArgs.add("--pinbatch.console.sandbox=true"); // the console's runs go to the sandbox
		}
		// given last, so that an explicit property on the command line wins
		springArgs.addAll(options.springArguments());
		return application.run(springArgs.toArray(String[]::new));
	}

	/**
	 * Starts, once more after a moment when another process was creating pinbatch's tables in a new shared database
	 * at that very time (two hosts' first runs): Flyway then refused to start, and its message said to delete a table.
	 */
	private static ConfigurableApplicationContext startAlongsideOthers(CommandLineOptions options,
			DataFolder dataFolder) {
		try {
			return start(options, dataFolder);
		}
		catch (RuntimeException ex) {
			if (!rootMessage(ex).contains(TABLES_BEING_CREATED)) {
				throw ex;
			}
			try {
				Pause.thread().sleep(TABLES_CREATED_WITHIN);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw ex;
			}
			return start(options, dataFolder);
		}
	}

	/** The innermost message: for a database that cannot be reached, the driver's own words. */
	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static int prune(JobRepositoryPruner pruner, int days, boolean dryRun, PrintStream out) {
		JobRepositoryPruner.Pruned pruned = pruner.prune(days, dryRun);
		out.println("pinbatch: " + (dryRun ? "dry run, nothing deleted: would prune " : "pruned ") + pruned.runs()
				+ " job run(s) with no activity in the last " + days
				+ " day(s): " + pruned.executions() + " job execution(s), " + pruned.rowOutcomes()
				+ " stored row outcome(s)" + (pruned.unfinishedRuns() > 0 ? "; " + pruned.unfinishedRuns()
						+ " of them had not finished: their inputs would now be processed as new runs" : "")
				+ (pruned.keptRunning() > 0 ? "; " + pruned.keptRunning() + " running now, kept" : ""));
		return ExitCode.SUCCESS.code();
	}
}
