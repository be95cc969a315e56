package com.pinbatch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pinbatch.job.GracefulStop;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line entry point. Options are parsed and the data folder locked before Spring starts, so usage errors
 * and a concurrent run are refused at once with a one-line message and exit code 2.
 */
@SpringBootApplication(scanBasePackages = "com.pinbatch")
@ConfigurationPropertiesScan("com.pinbatch")
public class PinbatchApplication {

	public static void main(String[] args) {
		ShutdownCoordinator.install();
		ShutdownCoordinator.exit(run(args, System.out, System.err));
	}

	/** Runs one command line and returns the exit code (tests call this in-process). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		CommandLineOptions options;
		try {
			options = CommandLineOptions.parse(args);
		}
		catch (UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			return ExitCode.USAGE.code();
		}
		if (options.help()) {
			out.print(HelpText.TEXT);
			return ExitCode.SUCCESS.code();
		}
		if (options.version()) {
			out.println("pinbatch " + version());
			return ExitCode.SUCCESS.code();
		}
		try (RunLock lock = RunLock.acquire(dataFolder(options))) {
			try (ConfigurableApplicationContext context = start(options)) {
				GracefulStop stop = context.getBean(GracefulStop.class);
				ShutdownCoordinator.onStop(stop::request);
				return context.getBean(PinbatchCommand.class).execute(options, out, err).code();
			}
		}
		catch (UsageException ex) {
			err.println("pinbatch: " + ex.getMessage());
			return ExitCode.USAGE.code();
		}
	}

	private static ConfigurableApplicationContext start(CommandLineOptions options) {
		SpringApplication application = new SpringApplication(PinbatchApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// the command stops the job itself on SIGTERM and then closes the context; Spring must not close it first
		application.setRegisterShutdownHook(false);
		List<String> springArgs = new ArrayList<>(options.springArguments());
		return application.run(springArgs.toArray(String[]::new));
	}

	/** The data folder must be known before Spring starts: it is where the lock lives. */
	static Path dataFolder(CommandLineOptions options) {
		for (String arg : options.springArguments()) {
			if (arg.startsWith("--pinbatch.data-dir=")) {
				return Path.of(arg.substring("--pinbatch.data-dir=".length()));
			}
		}
		String fromEnvironment = System.getenv("PINBATCH_DATA_DIR");
		return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "data" : fromEnvironment);
	}

	private static String version() {
		String version = PinbatchApplication.class.getPackage().getImplementationVersion();
		return version == null ? "(development build)" : version;
	}
}
