package com.pinbatch.cli;

import java.nio.file.Path;

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

	private Path path;

	private RunLock lock;

	/** {@code ~/.pinbatch/data}, from the {@code user.home} system property. */
	static Path byDefault() {
		return Path.of(System.getProperty("user.home"), ".pinbatch", "data");
	}

	/** @throws UsageException when another run holds the folder, or it cannot be used */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		String folder = event.getEnvironment().getProperty(KEY, byDefault().toString());
		if (!FileNames.canName(folder)) {
			throw new UsageException("--" + KEY + "=" + folder + " " + FileNames.CANNOT_OPEN);
		}
		path = Path.of(folder).toAbsolutePath().normalize();
		lock = RunLock.acquire(path);
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
