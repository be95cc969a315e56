package com.pinbatch.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.pinbatch.text.ClosestNames;

import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Refuses settings that would be ignored or would fail later, before anything runs: a {@code pinbatch.*} or
 * {@code zernio.*} key that no setting has (a typo such as {@code zernio.base-ur} silently left the real API in
 * place), and a value that does not fit its setting (its type, or the range its record allows). Each is a usage
 * error naming the key. The settings are the components of the {@code @ConfigurationProperties} records under
 * com.pinbatch: every {@code pinbatch.*} setting must be one, or it is refused here as unknown.
 */
final class ConfigurationCheck {

	private static final List<String> PREFIXES = List.of("pinbatch.", "zernio.");

	/** Read before Spring starts (the run lock lives there), so no record binds it. */
	private static final Set<String> READ_BEFORE_START = Set.of("pinbatch.data-dir");

	private static volatile Set<String> known;

	private ConfigurationCheck() {
	}

	/** Checks the keys once Spring has read the command line, the Java system properties and the config files. */
	static ApplicationListener<ApplicationEnvironmentPreparedEvent> unknownKeys() {
		return event -> refuseUnknownKeys(event.getEnvironment());
	}

	/**
	 * Environment variables are not checked: other programs' variables may share the prefixes' names, and their
	 * mapping to keys is lossy.
	 */
	static void refuseUnknownKeys(ConfigurableEnvironment environment) {
		Map<String, String> byLooseName = new HashMap<>();
		knownKeys().forEach(key -> byLooseName.put(loose(key), key));
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof SystemEnvironmentPropertySource
					|| !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				String key = name.toLowerCase(Locale.ROOT);
				if (PREFIXES.stream().anyMatch(key::startsWith) && !byLooseName.containsKey(loose(key))) {
					List<String> closest = ClosestNames.to(name, knownKeys(), 1);
					throw new UsageException("unknown setting " + name + " " + where(source, name)
							+ (closest.isEmpty() ? "" : "; did you mean " + closest.get(0) + "?")
							+ " (config/application.yml lists every setting)");
				}
			}
		}
	}

	/** The one line for a start-up failure caused by a setting's value, if that is what it was. */
	static Optional<String> badValue(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof BindValidationException invalid) {
				return Optional.of(outOfRange(invalid.getValidationErrors()));
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof BindException bind && bind.getProperty() != null) {
				return Optional.of(notConvertible(bind));
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof ConfigDataException unread) {
				// an import that names no file, a profile name that is none: the files' mistake, not the database's
				return Optional.of("a configuration file could not be read: " + unread.getMessage());
			}
		}
		return Optional.empty();
	}

	/** Every setting's key in its documented form, e.g. {@code pinbatch.throttle.max-attempts}. */
	static Set<String> knownKeys() {
		Set<String> keys = known;
		if (keys == null) {
			keys = new TreeSet<>(READ_BEFORE_START);
			for (Class<?> settings : settingsRecords()) {
				for (var component : settings.getRecordComponents()) {
					keys.add(prefixOf(settings) + "." + kebab(component.getName()));
				}
			}
			known = keys;
		}
		return keys;
	}

	/** The {@code @ConfigurationProperties} records under com.pinbatch: pinbatch's settings. */
	static List<Class<?>> settingsRecords() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		return scanner.findCandidateComponents("com.pinbatch")
			.stream()
			.<Class<?>>map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
			.toList();
	}

	static String prefixOf(Class<?> settings) {
		ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
		return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
	}

	private static String outOfRange(ValidationErrors errors) {
		ObjectError error = errors.getAllErrors().get(0);
		if (!(error instanceof FieldError field)) {
			return errors.getName() + ": " + error.getDefaultMessage();
		}
		String key = errors.getName() + "." + kebab(field.getField());
		ConfigurationProperty property = errors.getBoundProperties()
			.stream()
			.filter(bound -> bound.getName().toString().equals(key))
			.findFirst()
			.orElse(null);
		Object value = property != null ? property.getValue() : field.getRejectedValue();
		if (value == null) {
			return key + " is not set: it " + field.getDefaultMessage() + fromFile(property); // not "key=null"
		}
		return key + "=" + value + " is not allowed: it " + field.getDefaultMessage() + fromFile(property);
	}

	private static String notConvertible(BindException bind) {
		ConfigurationProperty property = bind.getProperty();
		Class<?> type = bind.getTarget().getType().resolve(Object.class);
		for (Throwable cause = bind; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof ConversionFailedException conversion) {
				type = conversion.getTargetType().getType();
			}
		}
		return property.getName() + "=" + property.getValue() + " is not " + expected(type) + fromFile(property);
	}

	private static String expected(Class<?> type) {
		Class<?> plain = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (plain == Integer.class || plain == Long.class) {
			return "a whole number, e.g. 10";
		}
		if (plain == Double.class) {
			return "a number, e.g. 0.5";
		}
		if (plain == Boolean.class) {
			return "true or false";
		}
		if (type == Duration.class) {
			return "a duration, e.g. 500ms, 30s or 5m";
		}
		if (type == LocalTime.class) {
			return "a time of day, e.g. 09:00";
		}
		if (type == URI.class) {
			return "an address, e.g. https://zernio.com/api";
		}
		if (type == Path.class) {
			return "a file path";
		}
		return "a valid value";
	}

	/** " (in FILE line N)" for a value from a config file: the place to fix it. */
	private static String fromFile(ConfigurationProperty property) {
		Origin origin = property == null ? null : property.getOrigin();
		while (origin != null && !(origin instanceof TextResourceOrigin)) {
			origin = origin.getParent();
		}
		return origin == null ? "" : " (" + origin + ")";
	}

	private static String where(PropertySource<?> source, String name) {
		if (source instanceof CommandLinePropertySource) {
			return "on the command line";
		}
		if (source.getName().equals("systemProperties")) {
			return "given as a Java system property";
		}
		Origin origin = source instanceof OriginLookup<?> ? OriginLookup.getOrigin(source, name) : null;
		return "in " + (origin != null ? origin : source.getName());
	}

	/** chunkSize -> chunk-size */
	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** Spring reads chunk-size, chunkSize and chunk_size as the same key. */
	private static String loose(String key) {
		int index = key.indexOf('['); // a list setting's items: pinbatch.console.users[0].name is users
		return (index < 0 ? key : key.substring(0, index)).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}
}
