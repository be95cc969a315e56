package com.pinbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pinbatch.host.ThisUser;
import com.pinbatch.run.SettingFile;

import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to run with a configuration file that another user could have written, as ssh refuses such files: a run
 * reads {@code application.properties} and {@code config/} in the folder it starts in, and a file someone else left
 * there (a shared inbox, /tmp) can send the API key to a server of theirs, as a proxy's password, as a log pattern's
 * text or as Zernio's address. Once the files are read, before logging starts, this listener looks at each, and at
 * the file {@code logging.config} names, and sets the settings of such files aside; the run is then refused once
 * logging is set up without them. A file others could have written and removed since is refused too, as are links
 * others own on the way to a file ({@link NonFileConfigLocations}: nothing is read from elsewhere).
 */
final class UntrustedConfigFiles implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The mode bit that keeps others from renaming or deleting what is not theirs in a folder all can write (/tmp). */
	private static final int STICKY = 01000;

	/** How Spring names the source of a configuration file's settings. */
	private static final Pattern CONFIG_FILE = Pattern.compile("Config resource 'file \\[(.+?)\\]' via location");

	/** How many links a path may lead through, as the kernel allows. */
	private static final int MAX_LINKS = 40;

	/** Who may own a configuration file besides root (read once: it does not change while this process runs). */
	private static final String RUNNING_USER = ThisUser.name();

	/** The first refusal of a run, kept in its bootstrap context, where the config data loader finds it too. */
	static final class Refusal {

		private volatile String message;

		void add(Path file, String why) {
			add(file + " is a configuration file that other users can change (" + why + "), and pinbatch reads none"
					+ " such: it could send the API key elsewhere; make the file, and each folder above it, writable"
					+ " by you alone (chmod go-w) and yours, or copy its settings into a file of your own");
		}

		void add(String refusal) {
			if (message == null) {
				message = refusal;
			}
		}

		static Refusal of(ConfigurableBootstrapContext bootstrap) {
			bootstrap.registerIfAbsent(Refusal.class, InstanceSupplier.of(new Refusal()));
			return bootstrap.get(Refusal.class);
		}
	}

	@Override
	public int getOrder() {
		// after the files are read (config data), before logging is set up from them
		return Math.min(EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1,
				LoggingApplicationListener.DEFAULT_ORDER - 1);
	}

	/** Sets aside the settings of every such file, so that nothing is set up from them (logging first). */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Refusal refusal = Refusal.of(event.getBootstrapContext());
		MutablePropertySources sources = event.getEnvironment().getPropertySources();
		for (PropertySource<?> source : sources.stream().toList()) {
			for (Path file : files(source)) {
				Optional<String> why = othersCanChange(file);
				if (why.isPresent()) {
					sources.remove(source.getName());
					refusal.add(file, why.get());
					break;
				}
			}
		}
		// a Logback configuration prints what it likes, the key among it
		String logging = event.getEnvironment().getProperty("logging.config");
		if (logging != null && !logging.startsWith("classpath:")) {
			Path file = Path.of(logging.replaceFirst("^file:", ""));
			othersCanChange(file).ifPresent(why -> {
				refusal.add(file, why);
				sources.stream()
					.filter(source -> source.containsProperty("logging.config"))
					.map(PropertySource::getName)
					.toList()
					.forEach(sources::remove);
			});
		}
	}

	/**
	 * Refuses the run when such a file was found, once logging is set up without it: thrown before, the refusal was
	 * printed by Spring with its stack trace, as logging was not set up yet.
	 */
	static ApplicationListener<ApplicationEnvironmentPreparedEvent> refusal() {
		return event -> {
			String message = Refusal.of(event.getBootstrapContext()).message;
			if (message != null) {
				throw new UsageException(message);
			}
		};
	}

	/**
	 * The files a source's settings were read from; not those inside pinbatch's own jar or classes. Spring names a
	 * file's source after it: the settings of an XML file carry no origin.
	 */
	private static Set<Path> files(PropertySource<?> source) {
		Set<Path> files = new LinkedHashSet<>();
		Matcher named = CONFIG_FILE.matcher(source.getName());
		if (named.lookingAt()) {
			files.add(Path.of(named.group(1)).toAbsolutePath());
		}
		if (source instanceof EnumerablePropertySource<?> enumerable) {
			for (String name : enumerable.getPropertyNames()) {
				// the same file as its source's name gives, looked at once
				SettingFile.file(OriginLookup.getOrigin(source, name)).map(Path::toAbsolutePath).ifPresent(files::add);
			}
		}
		return files;
	}

	/**
	 * Why someone other than the user running pinbatch may have written the file: it, a folder it is reached through
	 * (wherever its links lead), or one of those links, is owned by another user than root, or can be written by
	 * every user or by a group other than the user's own (a group of the user's name). A folder all can write is safe
	 * with its sticky bit set (/tmp), but for the links others own in it. A file that cannot be looked at (gone since
	 * it was read) is refused too. Empty where files keep no such permissions (Windows).
	 */
	static Optional<String> othersCanChange(Path file) {
		try {
			return walk(file.toAbsolutePath(), true, 0).why;
		}
		catch (UnsupportedOperationException noPermissions) {
			return Optional.empty();
		}
		catch (IOException unreadable) {
			return Optional.of("it could not be looked at: " + unreadable.getMessage());
		}
	}

	/** Where a path leads, and why it is not the user's alone, if so. */
	private record Walked(Path real, Optional<String> why) {
	}

	/**
	 * Follows {@code path} name by name from its root, each link where it leads, looking at each step.
	 *
	 * @param toFile whether the path's last name is the file (else a folder on the way to it)
	 */
	private static Walked walk(Path path, boolean toFile, int links) throws IOException {
		Path at = path.getRoot();
		Optional<String> why = othersCanWrite(at, false);
		int names = path.getNameCount();
		for (int i = 0; i < names && why.isEmpty(); i++) {
			String name = path.getName(i).toString();
			if (name.equals(".")) {
				continue;
			}
			if (name.equals("..")) {
				at = at.getParent() == null ? at : at.getParent();
				continue;
			}
			Path next = at.resolve(name);
			PosixFileAttributes own = Files.readAttributes(next, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			if (own.isSymbolicLink()) {
				if (links >= MAX_LINKS) {
					return new Walked(next, Optional.of("it is reached through too many links"));
				}
				// whoever owns a link can point it elsewhere, even in a sticky folder
				why = ownedByAnother(own, "the link " + next);
				Walked target = walk(at.resolve(Files.readSymbolicLink(next)), toFile && i == names - 1, links + 1);
				why = why.or(target::why);
				at = target.real;
			}
			else {
				why = othersCanWrite(next, toFile && i == names - 1);
				at = next;
			}
		}
		return new Walked(at, why);
	}

	private static Optional<String> othersCanWrite(Path path, boolean isTheFile) throws IOException {
		PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		String what = isTheFile ? "it" : "the folder " + path;
		Optional<String> owner = ownedByAnother(attributes, what);
		if (owner.isPresent()) {
			return owner;
		}
		Set<PosixFilePermission> permissions = attributes.permissions();
		boolean sticky = !isTheFile && (mode(path) & STICKY) != 0;
		if (permissions.contains(PosixFilePermission.OTHERS_WRITE) && !sticky) {
			return Optional.of("every user can write " + what);
		}
		String group = attributes.group().getName();
		if (permissions.contains(PosixFilePermission.GROUP_WRITE) && !sticky && !group.equals(RUNNING_USER)) {
			return Optional.of("the users of group " + group + " can write " + what);
		}
		return Optional.empty();
	}

	private static Optional<String> ownedByAnother(PosixFileAttributes attributes, String what) {
		String owner = attributes.owner().getName();
		return owner.equals("root") || owner.equals(RUNNING_USER) ? Optional.empty()
				: Optional.of("another user, " + owner + ", owns " + what);
	}

	private static int mode(Path folder) {
		try {
			return (Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
		}
		catch (UnsupportedOperationException | IllegalArgumentException | IOException unknown) {
			return 0;
		}
	}
}
