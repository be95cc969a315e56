package com.pinbatch.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.ConfigDataResource;

/**
 * Settings come from files on this machine, never from a web address nor from inside an archive: a configuration
 * file may import such a location ({@code spring.config.import}), with the key in its address as a placeholder, and
 * Spring would ask for it while reading the files, before {@link UntrustedConfigFiles} could look at who wrote them.
 * Such a location is taken here, before Spring's own resolver, asked for nowhere, and the run refused.
 */
public class NonFileConfigLocations implements ConfigDataLocationResolver<NonFileConfigLocations.Refused> {

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):");

	/** Spring's own kinds of location that read files on this machine (or pinbatch's own classes, or a variable). */
	private static final Set<String> READ = Set.of("file", "classpath", "classpath*", "configtree", "env");

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		Matcher scheme = SCHEME.matcher(withoutOptional(location));
		return scheme.find() && !READ.contains(scheme.group(1).toLowerCase(Locale.ROOT));
	}

	@Override
	public List<Refused> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		String address = withoutOptional(location);
		UntrustedConfigFiles.Refusal.of(context.getBootstrapContext())
			.add("settings are read from files on this machine only, and a configuration file imports " + address
					+ " (spring.config.import): give the settings in a file of your own");
		return List.of(new Refused(address));
	}

	private static String withoutOptional(ConfigDataLocation location) {
		String value = location.getValue();
		return value.startsWith(ConfigDataLocation.OPTIONAL_PREFIX)
				? value.substring(ConfigDataLocation.OPTIONAL_PREFIX.length()) : value;
	}

	/** A location not read. */
	public static final class Refused extends ConfigDataResource {

		private final String address;

		Refused(String address) {
			super(true);
			this.address = address;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Refused refused && refused.address.equals(address);
		}

		@Override
		public int hashCode() {
			return address.hashCode();
		}

		@Override
		public String toString() {
			return address;
		}
	}

	/** Reads nothing of a location refused. */
	public static final class Loader implements ConfigDataLoader<Refused> {

		@Override
		public ConfigData load(ConfigDataLoaderContext context, Refused resource) {
			return ConfigData.EMPTY;
		}
	}
}
