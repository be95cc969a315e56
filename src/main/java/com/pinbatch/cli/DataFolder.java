package com.pinbatch.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.pinbatch.text.FileNames;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the job repository, the run lock and the sandbox's posts live ({@code pinbatch.data-dir}). One folder per
 * user by default, not one per working folder: the same input run from cron's folder or another shell is the same
 * job, so its rows are never sent twice. The folder may be set anywhere a setting can (command line, environment,
 * config file), so it is locked once Spring has read them all, before the job repository opens.
 */
final class DataFolder implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, AutoCloseable {

	static final String KEY = "pinbatch.data-dir";

	/** A run's advice when the folder is held: another folder for other files only, never for the same file. */
	private static final String WAIT_TO_RUN = "wait for it to finish. Files run at the same time may use another"
			+ " --pinbatch.data-dir, but keep each file with the same one: it is what keeps its pins from being sent"
			+ " twice";

	private final boolean pruning;

	private Path path;

	private RunLock lock;

	/** The data folder of a run or of the console. */
	DataFolder() {
		this(false);
	}

	/** @param pruning for {@code --prune-older-than}, which must find the job repository the runs use */
	DataFolder(boolean pruning) {
		this.pruning = pruning;
	}

	/** {@code ~/.pinbatch/data}; null when this user has no home folder (see {@link #byDefault(String, String)}). */
	static Path byDefault() {
		return byDefault(System.getProperty("user.home"), System.getenv("HOME"));
	}

	/**
	 * {@code .pinbatch/data} in the user's home folder: Java's {@code user.home}, or the {@code HOME} variable when
	 * Java has none. A user id without an entry in the system's user list (a container run with {@code --user 1000},
	 * Kubernetes' arbitrary ids) gets {@code user.home} "?": the data folder was then "?/.pinbatch/data" under the
	 * working folder, another job repository for each folder a run starts in. Null when neither names a folder.
	 */
	static Path byDefault(String userHome, String homeVariable) {
		for (String home : new String[] { userHome, homeVariable }) {
			try {
				if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
					return Path.of(home, ".pinbatch", "data");
				}
			}
			catch (InvalidPathException unusable) {
				// the next, or none
			}
		}
		return null;
	}

	/** @throws UsageException when another run holds the folder, or it cannot be used */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		String folder = event.getEnvironment().getProperty(KEY);
		if (folder == null) {
			throw new UsageException("this user has no home folder (a user id the system does not list, as in a"
					+ " container) to keep the job repository in: give --" + KEY + "=DIR, or set PINBATCH_DATA_DIR");
		}
		if (!FileNames.canName(folder)) {
			throw new UsageException("--" + KEY + "=" + folder + " " + FileNames.CANNOT_OPEN);
		}
		path = Path.of(folder).toAbsolutePath().normalize();
		boolean embedded = event.getEnvironment().getProperty("spring.datasource.url", "")
			.startsWith("jdbc:hsqldb:file:");
		if (pruning && embedded && !Files.isDirectory(path)) {
			// a mistyped folder would otherwise be created, and "pruned 0 job run(s)" read as done
			throw new UsageException("there is no job repository in " + path + " to prune; give the"
					+ " --pinbatch.data-dir your runs use (default " + byDefault() + ")");
		}
		createPrivate(path);
		lock = RunLock.acquire(path, pruning ? "prune when it has finished" : WAIT_TO_RUN);
	}

	/**
	 * A data folder made here is its user's alone (rwx------ where the system has such permissions): the job
	 * repository holds every row sent, the sandbox's state every post. A folder that exists keeps its permissions
	 * (a team's shared one is set up so on purpose); a folder that cannot be made is said by the run lock.
	 */
	private static void createPrivate(Path folder) {
		if (Files.exists(folder) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Path parent = folder.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
					PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException | UnsupportedOperationException ex) {
			// the run lock makes the folder as it can, or says why it cannot
		}
	}

	/** The folder in use, absolute; null before Spring has read the settings. */
	Path path() {
		return path;
	}

	@Override
	public void close() {
		if (lock != null) {
			lock.close();
		}
	}
}
