package com.pinbatch.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options as picocli reads them: defaults, Spring properties passed through, and one-line usage errors. */
class CommandLineOptionsTests {

	@Test
	void defaultsAreThoseOfTheProductDescription() {
		CommandLineOptions options = CommandLineOptions.parse("--input=pins.csv");

		assertThat(options.inputs()).containsExactly(Path.of("pins.csv"));
		assertThat(options.timezone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(options.whenNoDate()).isEqualTo("now");
		assertThat(options.logFormat()).isEqualTo("text");
		assertThat(options.dryRun()).isFalse();
		assertThat(options.prune()).isFalse();
		assertThat(options.springArguments()).isEmpty();
	}

	@Test
	void dottedArgumentsAreConfigurationPropertiesForSpringInTheirOrder() {
		CommandLineOptions options = CommandLineOptions.parse("--pinbatch.data-dir=/tmp/data", "--input=pins.csv",
				"--zernio.base-url=http://127.0.0.1:9/api", "--spring.datasource.url=jdbc:hsqldb:mem:x");

		assertThat(options.springArguments()).containsExactly("--zernio.base-url=http://127.0.0.1:9/api",
				"--pinbatch.data-dir=/tmp/data", "--spring.datasource.url=jdbc:hsqldb:mem:x");
	}

	@Test
	void anOptionTypedWithASpaceIsRepeatedInTheCommandsPrintedWithAnEqualsSign() {
		CommandLineOptions options = CommandLineOptions.parse("--input", "my pins.csv", "--dry-run", "--timezone",
				"Europe/Berlin", "--pinbatch.data-dir=/tmp/data");

		assertThat(options.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(options.arguments()).containsExactly("--input=my pins.csv", "--dry-run",
				"--timezone=Europe/Berlin", "--pinbatch.data-dir=/tmp/data");
	}

	@Test
	void severalInputsAreRepeatedOnceEachInThePrintedCommands() {
		CommandLineOptions options = CommandLineOptions.parse("--input=a.csv", "--input", "b.csv", "--dry-run");

		assertThat(options.inputs()).hasSize(2);
		assertThat(options.arguments()).containsExactly("--input=a.csv", "--input=b.csv", "--dry-run");
	}

	@Test
	void aFileNameTheSystemsLanguageSettingCannotReadSaysWhatToSet() {
		// under cron's default locale, Java reads "Café-pins.csv" given on the command line as this
		String unreadable = "Caf\uFFFD\uFFFD-pins.csv";

		assertThatThrownBy(() -> CommandLineOptions.parse("--input=" + unreadable))
			.isInstanceOf(UsageException.class)
			.hasMessage("--input=" + unreadable + " cannot be opened: this system's language setting (LANG unset or"
					+ " C, as under cron) lets Java open only file names in plain ASCII: set LANG=C.UTF-8 (in a"
					+ " crontab, on a line of its own above the job), or rename the file");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--retry-failed=" + unreadable))
			.hasMessageStartingWith("--retry-failed=" + unreadable + " cannot be opened: ");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--media-root=/srv/" + unreadable))
			.hasMessageStartingWith("--media-root=/srv/" + unreadable + " cannot be opened: ");
	}

	@Test
	void aMistypedOptionIsNamedWithTheOneMeant() {
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--dryrun"))
			.isInstanceOf(UsageException.class)
			.hasMessage("unknown option --dryrun; did you mean --dry-run? (see --help)");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--timezon=UTC"))
			.hasMessage("unknown option --timezon; did you mean --timezone? (see --help)");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "stray"))
			.hasMessageStartingWith("unexpected argument 'stray'");
		// the option a letter away, not another mode's (before: --result was told --retry-failed), in any case
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--result=x.csv"))
			.hasMessage("unknown option --result; did you mean --results? (see --help)");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--reprot=x.html"))
			.hasMessage("unknown option --reprot; did you mean --report? (see --help)");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--Dry-Run"))
			.hasMessage("unknown option --Dry-Run; did you mean --dry-run? (see --help)");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "-dry-run"))
			.hasMessage("unknown option -dry-run; did you mean --dry-run? (see --help)");
		// and a word that merely holds "-h" or "-v" is not taken for -h or -V
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--host=x"))
			.message().doesNotContain("did you mean -h?");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--video=x"))
			.message().doesNotContain("did you mean -V?");
	}

	@Test
	void theApiKeyIsRefusedOnTheCommandLineUnderAnyOfItsNames() {
		// Spring's settings as one JSON document too (before: taken, and the key sent)
		for (String key : new String[] { "--zernio.api-key=sk_x", "--zernio.apiKey=sk_x", "--ZERNIO.API_KEY=sk_x",
				"--spring.application.json={\"zernio\":{\"api-key\":\"sk_x\"}}",
				"--spring.application.json={\"zernio.apiKey\":\"sk_x\"}" }) {
			assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", key)).as(key)
				.isInstanceOf(UsageException.class)
				.hasMessageStartingWith("the API key is not taken on the command line")
				.hasMessageNotContaining("sk_x");
		}
	}

	@Test
	void theApiKeyIsRefusedAsAJavaOptionButNotFromTheEnvironmentsJavaOptions() {
		// before: java -Dzernio.api-key=sk_x -jar pinbatch.jar ... was taken, the key in the process list
		for (String key : new String[] { "-Dzernio.api-key=sk_x", "-Dzernio.apiKey=sk_x",
				"-Dspring.application.json={\"zernio\":{\"api-key\":\"sk_x\"}}" }) {
			assertThatThrownBy(() -> CommandLineOptions.refuseSecretsInJavaOptions(List.of("-Xmx256m", key), Map.of()))
				.as(key)
				.isInstanceOf(UsageException.class)
				.hasMessageStartingWith("the API key is not taken on the command line")
				.hasMessageNotContaining("sk_x");
		}
		assertThatCode(() -> CommandLineOptions.refuseSecretsInJavaOptions(
				List.of("-Dpinbatch.data-dir=/srv/p", "-Dzernio.api-key=sk_x"),
				Map.of("JAVA_TOOL_OPTIONS", "-Dzernio.api-key=sk_x"))).doesNotThrowAnyException();
	}

	@Test
	void aProxysPasswordIsRefusedOnTheCommandLineButTheProxyIsNot() {
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv",
				"--zernio.proxy=http://me:s3cret@proxy.corp:3128"))
			.isInstanceOf(UsageException.class)
			.hasMessageStartingWith("a proxy's user name and password are not taken on the command line")
			.hasMessageNotContaining("s3cret");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv",
				"--spring.application.json={\"zernio\":{\"proxy\":\"http://me:s3cret@proxy.corp:3128\"}}"))
			.isInstanceOf(UsageException.class)
			.hasMessageNotContaining("s3cret");
		assertThat(CommandLineOptions.parse("--input=pins.csv", "--zernio.proxy=http://proxy.corp:3128").inputs())
			.hasSize(1);
	}

	@Test
	void anOptionWhoseValueIsForgottenDoesNotTakeTheNextOptionAsItsValue() {
		// a setting after it would otherwise be lost: here the job repository, the record of what was sent
		for (String option : new String[] { "--summary", "--results", "--report", "--board", "--account" }) {
			assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", option, "--pinbatch.data-dir=/srv/d",
					"--dry-run"))
				.as(option)
				.isInstanceOf(UsageException.class)
				.hasMessageStartingWith(option + " needs a value, e.g. " + option + "=")
				.hasMessageEndingWith(" (the next argument, --pinbatch.data-dir=/srv/d, is an option)");
		}
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=pins.csv", "--summary", "--dry-run"))
			.hasMessage("--summary needs a value, e.g. --summary=FILE (the next argument, --dry-run, is an option)");
		assertThat(CommandLineOptions.parse("--input=pins.csv", "--summary", "s.json").summary()).hasToString("s.json");
		// a value of its own may start with a dash
		assertThat(CommandLineOptions.parse("--input=pins.csv", "--timezone", "-05:00").timezone().getId())
			.isEqualTo("-05:00");
	}

	@Test
	void wrongValuesAreUsageErrorsNamingTheOption() {
		assertThatThrownBy(() -> CommandLineOptions.parse("--input="))
			.hasMessage("--input needs a value, e.g. --input=FILE|FOLDER");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=a.csv", "--timezone=Mars/Olympus"))
			.hasMessageStartingWith("--timezone=Mars/Olympus is not a time zone; use an IANA name");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=a.csv", "--when-no-date=later"))
			.hasMessage("--when-no-date=later is not one of now, queue, draft");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=a.csv", "--results=a", "--results=b"))
			.hasMessage("--results is given twice");
		// a setting given twice: before, its values joined were said not to be a duration ("10s,60s")
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=a.csv", "--pinbatch.follow.max-wait=10s",
				"--pinbatch.follow.max-wait=60s"))
			.hasMessage("--pinbatch.follow.max-wait is given twice; give it once");
		assertThatThrownBy(() -> CommandLineOptions.parse("--prune-older-than=-1"))
			.hasMessageStartingWith("--prune-older-than=-1 is not a number of days");
		assertThatThrownBy(() -> CommandLineOptions.parse("--input=a.csv", "--verbose=yes"))
			.hasMessage("--verbose=yes: 'yes' is not a boolean");
		assertThatThrownBy(() -> CommandLineOptions.parse("--dry-run"))
			.hasMessageStartingWith("no input: give --input=FILE");
	}

	@Test
	void helpAndVersionAreAnsweredWithoutAnInput() {
		CommandLineOptions help = CommandLineOptions.parse("-h");
		CommandLineOptions version = CommandLineOptions.parse("-V");

		assertThat(help.help()).isTrue();
		assertThat(help.usage()).contains("Input:", "--input=FILE|FOLDER", "--when-no-date=now|queue|draft",
				"--zernio.base-url=URL", "Exit codes:", "Examples:");
		assertThat(version.version()).isTrue();
	}

	@Test
	void aValueGarbledByCronsLanguageSettingIsAUsageErrorWithTheFix() {
		// how a JVM started with LANG unset (cron's default) reads --sheet=Février (before: a stack trace, exit 1)
		assertThatThrownBy(() -> CommandLineOptions.parse(new String[] { "--input=pins.xlsx",
				"--sheet=F\uFFFD\uFFFDvrier" })).isInstanceOf(UsageException.class)
			.hasMessageContaining("--sheet=F\uFFFD\uFFFDvrier reached pinbatch garbled")
			.hasMessageContaining("set LANG=C.UTF-8");
		assertThatThrownBy(() -> CommandLineOptions.parse(new String[] { "--input=pins.csv",
				"--board=K\uFFFD\uFFFDche" })).isInstanceOf(UsageException.class)
			.hasMessageContaining("--board=K\uFFFD\uFFFDche reached pinbatch garbled");
	}
}
