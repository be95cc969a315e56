package com.pinbatch.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.pinbatch.sandbox.KeyContention;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.ZernioSandbox;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the built-in Zernio simulator behaves under {@code --sandbox} ({@code pinbatch.sandbox.*}): its API ceiling, the
 * per-account caps, latency and injected errors, how Pinterest treats the posts (share refused, how long a publish
 * takes, the share of passing failures that pass on each retry, the share of live pins it removes later and when,
 * accounts it limits for unusual activity), what Zernio
 * refuses for the key or an account ({@code disabled-resource-groups}: a restricted key; {@code over-limit-accounts}:
 * accounts of a profile beyond the plan's limit), the seed that
 * makes all of it repeatable, and where it keeps its posts so a restarted run sees them. Look-ups of posts can fail too
 * ({@code look-up-error-rate}: following pins while Zernio is down), and uploads of local files
 * ({@code upload-error-rate}: the storage behind the upload URLs failing); a create's answer can lose its post
 * ({@code postless-answer-rate}: an answer cut or rewritten on its way), and its answer or a look-up's can stop
 * halfway for a while ({@code stalled-answer-rate}, {@code stalled-answer-length}: a connection lost mid-answer).
 * Publish failures are off by default, so the quick start ends with every row done. Another program sending on the
 * same key
 * ({@code neighbour-requests-per-minute}), scripted 429 storms ({@code rate-limit-storm-*}) and an outage
 * ({@code outage-after}, {@code outage-length}: every request answered 503) are off too; they turn a user's report
 * about rate limits or a Zernio down mid-run into a command line. {@code clock-offset} moves the simulated world's time
 * ahead (e.g. {@code 2h}): the sandbox publishes the scheduled posts that are due by then, and a {@code --follow-up}
 * takes that time as now, so checking scheduled pins later can be tried at once. {@code url} points {@code --sandbox}
 * at a sandbox another process serves ({@code --serve-sandbox}, on {@code port}): several processes then share one
 * simulated key, its rate window, caps and posts, as several hosts share one Zernio key.
 */
@ConfigurationProperties("pinbatch.sandbox")
@Validated
public record SandboxProperties(@DefaultValue("600") @Min(1) int requestsPerMinute,
		@DefaultValue("25") @Min(1) int accountHourlyCap, @DefaultValue("25") @Min(1) int accountDailyCap,
		@DefaultValue("100ms") @NotNull @DurationMin(millis = 0) Duration latency,
		@DefaultValue("50ms") @NotNull @DurationMin(millis = 0) Duration latencyJitter,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double serverErrorRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double lookUpErrorRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double uploadErrorRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double postlessAnswerRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double stalledAnswerRate,
		@DefaultValue("10m") @NotNull @DurationMin(millis = 0) Duration stalledAnswerLength, Path stateFile,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double publishFailureRate,
		@DefaultValue("3s") @NotNull @DurationMin(millis = 0) Duration publishDelay,
		@DefaultValue("0.75") @DecimalMin("0") @DecimalMax("1") double retrySuccessRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double removalRate,
		@DefaultValue("2h") @NotNull @DurationMin(millis = 0) Duration removalDelay,
		@DefaultValue List<String> limitedAccounts, @DefaultValue List<String> overLimitAccounts,
		@DefaultValue Set<ResourceGroup> disabledResourceGroups,
		@DefaultValue("42") long seed,
		@DefaultValue("0") @Min(0) int neighbourRequestsPerMinute,
		@DefaultValue("0s") @NotNull @DurationMin(millis = 0) Duration rateLimitStormEvery,
		@DefaultValue("20s") @NotNull @DurationMin(millis = 0) Duration rateLimitStormLength,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 0) Duration rateLimitStormRetryAfter,
		@DefaultValue("false") boolean rateLimitStormShowsRoom,
		@DefaultValue("0s") @NotNull @DurationMin(millis = 0) Duration outageAfter,
		@DefaultValue("0s") @NotNull @DurationMin(millis = 0) Duration outageLength,
		@DefaultValue("0s") @NotNull Duration clockOffset, @DefaultValue("0") @Min(0) @Max(65535) int port,
		URI url) {

	private static final String DATA_FOLDER = "pinbatch.data-dir";

	/**
	 * The settings given as {@code --pinbatch.sandbox.*} arguments, or else as the built-in application.yml gives
	 * them, checked, for a sandbox started without the application (--serve-sandbox).
	 *
	 * @param dataFolder the data folder unless the arguments give one; null: no built-in defaults (no state file)
	 *
	 * @throws org.springframework.boot.context.properties.bind.BindException for a value out of range or of no use
	 */
	public static SandboxProperties of(List<String> arguments, Path dataFolder) {
		return of(arguments, dataFolder, Path.of(""));
	}

	/** The same, from the settings files of {@code workingFolder}. */
	static SandboxProperties of(List<String> arguments, Path dataFolder, Path workingFolder) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource(arguments.toArray(String[]::new)));
		if (dataFolder != null) {
			// the settings files the application reads, in its order: the working folder's config/application.yml,
			// then its application.yml, then the built-in defaults (the state file in the data folder among them)
			for (Resource settings : List.of(new FileSystemResource(workingFolder.resolve("config/application.yml")),
					new FileSystemResource(workingFolder.resolve("application.yml")),
					new ClassPathResource("application.yml"))) {
				if (!settings.exists()) {
					continue;
				}
				try {
					new YamlPropertySourceLoader().load(settings.getDescription(), settings)
						.forEach(environment.getPropertySources()::addLast);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read " + settings.getDescription(), ex);
				}
			}
			environment.getPropertySources()
				.addLast(new MapPropertySource("data folder", Map.of(DATA_FOLDER, dataFolder.toString())));
		}
		try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
			return Binder.get(environment).bindOrCreate("pinbatch.sandbox", Bindable.of(SandboxProperties.class),
					new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator())));
		}
	}

	/**
	 * Starts the sandbox these settings describe, on {@code port} (0: any free one).
	 *
	 * @throws RunRefusedException for a limited account the sandbox does not have
	 */
	public ZernioSandbox start() {
		ZernioSandbox sandbox = ZernioSandbox.start(settings(), clock());
		try {
			sandbox.contend(contention());
			sandbox.failLookUps(lookUpErrorRate);
			sandbox.failUploads(uploadErrorRate);
			sandbox.answerCreatesWithoutPost(postlessAnswerRate);
			sandbox.stallAnswers(stalledAnswerRate, stalledAnswerLength);
			sandbox.removePinsAfterPublishing(removalRate, removalDelay);
			sandbox.passRetries(retrySuccessRate);
			limitedAccounts.forEach(account -> limit(sandbox, account, "limited-accounts", sandbox::limitAccount));
			overLimitAccounts.forEach(account -> limit(sandbox, account, "over-limit-accounts",
					sandbox::putProfileOverLimit));
			sandbox.disableResourceGroups(disabledResourceGroups.stream().map(ResourceGroup::zernioName).toList());
			sandbox.goDown(outageAfter, outageLength);
			return sandbox;
		}
		catch (RuntimeException ex) {
			sandbox.close(); // its server's thread would keep the process alive
			throw ex;
		}
	}

	private static void limit(ZernioSandbox sandbox, String account, String setting, Consumer<String> how) {
		try {
			how.accept(account);
		}
		catch (IllegalArgumentException unknown) {
			throw new RunRefusedException("pinbatch.sandbox." + setting + ": " + unknown.getMessage());
		}
	}

	/** The resource groups of a Zernio key that pinbatch's calls need, as a restricted key may lack them. */
	public enum ResourceGroup {
		PUBLISHING, ACCOUNTS;

		String zernioName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	SandboxSettings settings() {
		return new SandboxSettings(port, ZernioSandbox.API_KEY, requestsPerMinute, accountHourlyCap, accountDailyCap,
				latency, latencyJitter, serverErrorRate, seed, stateFile, 0, publishFailureRate, publishDelay);
	}

	/** The simulated world's clock: the real one, moved by {@code clock-offset}. */
	Clock clock() {
		return Clock.offset(Clock.systemUTC(), clockOffset);
	}

	/** Another program on the key and 429 storms, as users meet them (none by default). */
	KeyContention contention() {
		return new KeyContention(neighbourRequestsPerMinute, rateLimitStormEvery,
				rateLimitStormEvery.isZero() ? Duration.ZERO : rateLimitStormLength, rateLimitStormRetryAfter,
				rateLimitStormShowsRoom);
	}
}
