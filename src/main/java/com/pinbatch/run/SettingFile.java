package com.pinbatch.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;

/**
 * The configuration file a setting comes from, when one sets it: besides the command line and the environment, a
 * run reads {@code application.properties} and {@code config/} in the folder it starts in, where a file someone
 * else left (in a shared inbox, a downloads folder) can point the key at another server.
 */
final class SettingFile {

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
	 * Why someone other than the user running pinbatch may have written the file: other users or its group can write
	 * it, or another user than root owns it. Empty when none holds, or where files keep no such permissions (Windows).
	 */
	static Optional<String> othersCanChange(Path file) {
		PosixFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, PosixFileAttributes.class);
		}
		catch (UnsupportedOperationException | IOException noPermissions) {
			return Optional.empty();
		}
		Set<PosixFilePermission> permissions = attributes.permissions();
		if (permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			return Optional.of("every user can write it");
		}
		if (permissions.contains(PosixFilePermission.GROUP_WRITE)) {
			return Optional.of("its group (" + attributes.group().getName() + ") can write it");
		}
		String owner = attributes.owner().getName();
		return owner.equals("root") || owner.equals(System.getProperty("user.name")) ? Optional.empty()
				: Optional.of("another user (" + owner + ") owns it");
	}

	private static Optional<Path> file(Origin origin) {
		for (Origin at = origin; at != null; at = at.getParent()) {
			// a file's own origin is behind its property source's (an option's has none)
			Origin own = at instanceof PropertySourceOrigin named && named.getOrigin() != null ? named.getOrigin() : at;
			if (own instanceof TextResourceOrigin text && text.getResource() != null && text.getResource().isFile()) {
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
