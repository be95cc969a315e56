package com.pinbatch.cli;

import java.nio.file.Path;
import java.util.List;

import com.pinbatch.sandbox.RecordedRequest;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up of the in-process end-to-end tests: a fresh sandbox on loopback as Zernio for each test, its key given
 * as configuration (never on the command line), and a temporary folder for inputs, results and the job repository.
 */
abstract class SandboxedCommandLine {

	@TempDir
	Path dir;

	ZernioSandbox sandbox;

	/** How the sandbox behaves for this class's tests. */
	SandboxSettings sandboxSettings() {
		return SandboxSettings.defaults();
	}

	@BeforeEach
	void startSandbox() {
		sandbox = ZernioSandbox.start(sandboxSettings());
		System.setProperty("zernio.api-key", ZernioSandbox.API_KEY);
	}

	@AfterEach
	void stopSandbox() {
		sandbox.close();
		System.clearProperty("zernio.api-key");
	}

	/** Replaces the sandbox, e.g. to start again with other settings or an empty memory. */
	void restartSandbox(SandboxSettings settings) {
		sandbox.close();
		sandbox = ZernioSandbox.start(settings);
	}

	/** The command line as a user types it, against the sandbox, with the job repository under the test folder. */
	CommandLineRun run(String... args) {
		return CommandLineRun.run(dir.resolve("data"), sandbox.baseUrl(), args);
	}

	/** Every create the sandbox received, in order. */
	List<RecordedRequest> creates() {
		return sandbox.requests().stream()
			.filter(request -> request.method().equals("POST") && request.path().endsWith("/v1/posts"))
			.toList();
	}
}
