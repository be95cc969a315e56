package com.pinbatch.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's name when DNS does not know it. */
class ThisHostTests {

	@TempDir
	Path dir;

	@Test
	void aNameTheMachinesDnsDoesNotKnowIsTakenFromTheKernel() throws IOException {
		// before: "unknown-host" on every such machine, so two of them took each other's runs for their own
		assertThat(ThisHost.kernelName(Files.writeString(dir.resolve("hostname"), "cron-b\n"))).isEqualTo("cron-b");
	}

	@Test
	void noNameAtAllIsTheUnknownHost() throws IOException {
		assertThat(ThisHost.kernelName(dir.resolve("missing"))).isEqualTo(ThisHost.UNKNOWN);
		assertThat(ThisHost.kernelName(Files.writeString(dir.resolve("hostname"), " \n"))).isEqualTo(ThisHost.UNKNOWN);
	}
}
