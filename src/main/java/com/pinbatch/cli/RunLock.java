package com.pinbatch.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.pinbatch.run.WritableFolders;

/**
 * One pinbatch process per data folder at a time. The embedded job repository is a single-process database, so a
 * second run would otherwise wait for its lock and then fail; this refuses at once, naming the owner. The operating
 * system releases the lock when the owner dies, even by kill -9, so a crash never leaves it stuck.
 */
final class RunLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private RunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** @param whileHeld what to do while another process holds the folder, as the end of the refusal's line */
	static RunLock acquire(Path dataFolder, String whileHeld) {
		Path file = dataFolder.resolve("pinbatch.lock");
		try {
			String problem = WritableFolders.problem(dataFolder); // creates it when missing
			if (problem != null) {
				throw new UsageException("cannot use the data folder " + dataFolder + ": " + problem
						+ "; give one that can be written with --pinbatch.data-dir");
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
				channel.close();
				throw new UsageException("another pinbatch run is using " + dataFolder + " (" + owner + "); " + whileHeld);
			}
			channel.truncate(0);
			channel.write(StandardCharsets.UTF_8.encode(
					"pid " + ProcessHandle.current().pid() + ", started " + Instant.now()), 0);
			return new RunLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UsageException("cannot use the data folder " + dataFolder + ": " + ex.getMessage());
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException ex) {
			// the process is ending; the operating system drops the lock anyway
		}
	}
}
