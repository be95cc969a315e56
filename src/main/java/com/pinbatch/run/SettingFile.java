package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration file a setting comes from, when one sets it: besides the command line and the environment, a
 * run reads {@code application.properties} and {@code config/} in the folder it starts in, where a file someone
 * else left (in a shared inbox, a downloads folder) can point the key at another server.
 */
public final class SettingFile {

	private SettingFile() {
	}

	/** The file that gives {@code name} its value; empty when nothing does, or something else (an option). */
	static Optional<Path> of(Environment environment, String name) {
		ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(property);
			if (found != null) {
				return file(found.getOrigin());
			}
		}
		return Optional.empty();
	}

	/**
	 * The file a setting of this origin was read from; empty for an option, a variable, or a file of pinbatch's own
	 * classes (its built-in defaults).
	 */
	public static Optional<Path> file(Origin origin) {
		for (Origin at = origin; at != null; at = at.getParent()) {
			// a file's own origin is behind its property source's (an option's has none)
			Origin own = at instanceof PropertySourceOrigin named && named.getOrigin() != null ? named.getOrigin() : at;
			if (own instanceof TextResourceOrigin text && text.getResource() != null) {
				if (text.getResource() instanceof ClassPathResource || !text.getResource().isFile()) {
					return Optional.empty();
				}
				try {
					return Optional.of(text.getResource().getFile().toPath());
				}
				catch (IOException notAFile) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}
}
