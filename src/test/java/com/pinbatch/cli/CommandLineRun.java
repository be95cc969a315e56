package com.pinbatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process, as a user would type it, and keeps what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

	static {
		// the inputs a test wrote a moment ago are read at once (the wait for a copy to finish has its own tests)
		System.setProperty("pinbatch.input-settle", "0s");
	}

	/** @param dataFolder the job repository's folder; null: the default one (set user.home to a test folder first) */
	static CommandLineRun run(Path dataFolder, String baseUrl, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		if (dataFolder != null) {
			all.add("--pinbatch.data-dir=" + dataFolder);
		}
		if (baseUrl != null) {
			all.add("--zernio.base-url=" + baseUrl);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = PinbatchApplication.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new CommandLineRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
	}
}
