package com.pinbatch.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

import com.pinbatch.run.ExitCode;
import com.pinbatch.run.RunRefusedException;
import com.pinbatch.run.SandboxProperties;
import com.pinbatch.sandbox.ZernioSandbox;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code --serve-sandbox}: the built-in Zernio simulator alone, on loopback, until stopped, so that runs in several
 * processes (several hosts sharing one job repository, a cron job beside the console) meet one simulated key: one
 * rate window, one set of account caps, and posts that all of them see (Zernio's duplicate answers included).
 */
final class SandboxServer {

	private SandboxServer() {
	}

	/** Serves the sandbox the options' {@code --pinbatch.sandbox.*} settings describe until {@code stop}. */
	static ExitCode serve(CommandLineOptions options, PrintStream out, CountDownLatch stop) {
		// no application is started: only warnings are logged (not the validator's greeting)
		LoggingSystem.get(SandboxServer.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME,
				LogLevel.WARN);
		SandboxProperties settings;
		try {
			// its posts kept where a run's sandbox keeps them: sandbox-state.jsonl in the data folder
			settings = SandboxProperties.of(options.springArguments(), DataFolder.byDefault());
		}
		catch (RuntimeException ex) {
			throw new UsageException(ConfigurationCheck.badValue(ex).orElse(ex.getMessage()));
		}
		ZernioSandbox sandbox;
		try {
			sandbox = settings.start();
		}
		catch (UncheckedIOException ex) {
			throw new UsageException("cannot serve the sandbox on port " + settings.port() + " (" + ex.getMessage()
					+ "); give another with --pinbatch.sandbox.port, or 0 for any free one");
		}
		catch (RunRefusedException ex) {
			throw new UsageException(ex.getMessage());
		}
		try (sandbox) {
			out.println("pinbatch: sandbox on " + sandbox.baseUrl() + " (Ctrl-C stops it); runs share it with"
					+ " --sandbox --pinbatch.sandbox.url=" + sandbox.baseUrl());
			if (settings.stateFile() != null) {
				out.println("pinbatch: its posts are kept in " + settings.stateFile());
			}
			stop.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return ExitCode.SUCCESS;
	}
}
