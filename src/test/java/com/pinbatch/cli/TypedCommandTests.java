package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class TypedCommandTests {

	private final TypedCommand typed = new TypedCommand(List.of("--follow-up=pins.results.csv", "--sandbox",
			"--pinbatch.follow.max-wait=0s"));

	@Test
	void theCommandsToRunNextNameTheResultFileAsTheResultsLineDoesSoTheyWorkFromAnyFolder() {
		Path absolute = Path.of("pins.results.csv").toAbsolutePath().normalize();

		assertThat(typed.retryFailed(Path.of("pins.results.csv"))).endsWith(" --retry-failed=" + absolute
				+ " --sandbox --pinbatch.follow.max-wait=0s");
		assertThat(typed.followUp(Path.of("./reports/../pins.results.csv"))).contains(" --follow-up=" + absolute + " ");
	}

	@Test
	void theSameCommandAgainIsTheCommandAsTyped() {
		assertThat(typed.resume()).endsWith(" --follow-up=pins.results.csv --sandbox --pinbatch.follow.max-wait=0s");
	}

	@Test
	void theJavaSettingsThatChooseTheJobRepositoryComeAlongButNoSecret() {
		// before: "java -jar pinbatch.jar ..." without -Dpinbatch.data-dir, which then resumed nothing
		TypedCommand fromJar = new TypedCommand("app/pinbatch.jar --input=pins.csv", List.of("-Xmx256m",
				"-Dpinbatch.data-dir=/srv/pinbatch data", "-Duser.home=/home/cron", "-Dzernio.api-key=sk_live_x",
				"-Dspring.datasource.password=hunter2", "-Dfile.encoding=UTF-8"), List.of("--input=pins.csv"));

		assertThat(fromJar.resume()).isEqualTo("java '-Dpinbatch.data-dir=/srv/pinbatch data' -Duser.home=/home/cron"
				+ " -jar app/pinbatch.jar --input=pins.csv");
	}
}
