package com.pinbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.pinbatch.run.SettingFile;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to run with a configuration file that another user could have written, as ssh refuses such files: a run
 * reads {@code application.properties} and {@code config/} in the folder it starts in, and a file someone else left
 * there (a shared inbox, /tmp) can send the API key to a server of theirs, as a proxy's password, as a log pattern's
 * text or as Zernio's address. Checked once the files are read and before logging starts, since a log pattern of such
 * a file could print the key with the first line logged. The folders above each file count too: whoever can rename
 * one can put another file in its place between the read and this check.
 */
final class UntrustedConfigFiles implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The mode bit that keeps others from renaming or deleting what is not theirs in a folder all can write (/tmp). */
	private static final int STICKY = 01000;

	/** What the first such file is told with; null while none was found. */
	private String refusal;

	@Override
	public int getOrder() {
		// after the files are read (config data), before logging is set up from them
		return Math.min(EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1,
				LoggingApplicationListener.DEFAULT_ORDER - 1);
	}

	/** Sets aside the settings of every such file, so that nothing is set up from them (logging first). */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		for (PropertySource<?> source : sources.stream().toList()) {
			for (Path file : files(source)) {
				Optional<String> why = othersCanChange(file);
				if (why.isPresent()) {
					sources.remove(source.getName());
					if (refusal == null) {
						refusal = file + " is a configuration file that other users can change (" + why.get()
								+ "), and pinbatch reads none such: it could send the API key elsewhere; make it and"
								+ " its folders writable by you alone (chmod go-w), or move it out of this folder";
					}
					break;
				}
			}
		}
	}

	/**
	 * Refuses the run when such a file was found, once logging is set up without it: thrown before, the refusal was
	 * printed by Spring with its stack trace, as logging was not set up yet.
	 */
	ApplicationListener<ApplicationEnvironmentPreparedEvent> refusal() {
		return event -> {
			if (refusal != null) {
				throw new UsageException(refusal);
			}
		};
	}

	/** The files a source's settings were read from; not those inside pinbatch's own jar or classes. */
	private static Set<Path> files(PropertySource<?> source) {
		Set<Path> files = new LinkedHashSet<>();
		if (source instanceof EnumerablePropertySource<?> enumerable) {
			for (String name : enumerable.getPropertyNames()) {
				SettingFile.file(OriginLookup.getOrigin(source, name)).ifPresent(files::add);
			}
		}
		return files;
	}

	/**
	 * Why someone other than the user running pinbatch may have written the file: it, or a folder above it (as given
	 * and as its links lead), can be written by other users, or is owned by another user than root. A folder all can
	 * write is safe with its sticky bit set (/tmp), and a group of the owner's own name is the owner's alone (the
	 * private group many systems give each user). Empty where files keep no such permissions (Windows).
	 */
	static Optional<String> othersCanChange(Path file) {
		Set<Path> checked = new LinkedHashSet<>();
		try {
			for (Path start : new Path[] { file.toAbsolutePath().normalize(), file.toRealPath() }) {
				for (Path at = start; at != null; at = at.getParent()) {
					if (checked.add(at)) {
						Optional<String> why = othersCanWrite(at, at.equals(start));
						if (why.isPresent()) {
							return why;
						}
					}
				}
			}
		}
		catch (UnsupportedOperationException | IOException unreadable) {
			return Optional.empty(); // no POSIX permissions, or gone: Spring read it, the run goes on as it would
		}
		return Optional.empty();
	}

	private static Optional<String> othersCanWrite(Path path, boolean isTheFile) throws IOException {
		PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
		String what = isTheFile ? "it" : "the folder " + path;
		String owner = attributes.owner().getName();
		if (!owner.equals("root") && !owner.equals(RunningUser.NAME)) {
			return Optional.of("another user, " + owner + ", owns " + what);
		}
		Set<PosixFilePermission> permissions = attributes.permissions();
		boolean sticky = !isTheFile && (mode(path) & STICKY) != 0;
		if (permissions.contains(PosixFilePermission.OTHERS_WRITE) && !sticky) {
			return Optional.of("every user can write " + what);
		}
		String group = attributes.group().getName();
		if (permissions.contains(PosixFilePermission.GROUP_WRITE) && !sticky && !group.equals(owner)) {
			return Optional.of("the users of group " + group + " can write " + what);
		}
		return Optional.empty();
	}

	private static int mode(Path folder) {
		try {
			return (Integer) Files.getAttribute(folder, "unix:mode");
		}
		catch (UnsupportedOperationException | IllegalArgumentException | IOException unknown) {
			return 0;
		}
	}

	/** The user this process runs as, by the name files show their owners by. */
	private static final class RunningUser {

		/**
		 * On Linux the owner of /proc/self, which is this process's user even where the user has no name (a container
		 * run with a numeric user id, whose user.name is "?"); elsewhere the JVM's user.name.
		 */
		static final String NAME = name();

		private static String name() {
			try {
				return Files.getOwner(Path.of("/proc/self")).getName();
			}
			catch (UnsupportedOperationException | IOException noProc) {
				return System.getProperty("user.name");
			}
		}
	}
}
