package com.pinbatch.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items, in batches and in order, to a consumer on a thread of its own, so that its work runs beside the
 * caller's instead of after it (on two cores, checking the plan's rows beside the survey of a large file halved its
 * time). A few batches at most wait, the caller waiting for room, so memory stays flat. {@link #finish}
 * waits for the last item and passes on the consumer's failure, if any. One caller at a time.
 */
public final class BackgroundConsumer<T> implements Consumer<T>, AutoCloseable {

	private static final int BATCHES_WAITING = 4;

	private final Consumer<T> consumer;

	private final int batchSize;

	private final ExecutorService thread;

	private final Semaphore room = new Semaphore(BATCHES_WAITING);

	private List<T> batch;

	/** What the consumer threw, Errors too: an item it did not see must not go unnoticed. */
	private volatile Throwable failure;

	/** @param name the thread's name in thread dumps and logs */
	public BackgroundConsumer(String name, int batchSize, Consumer<T> consumer) {
		this.consumer = consumer;
		this.batchSize = batchSize;
		this.batch = new ArrayList<>(batchSize);
		this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named(name));
	}

	@Override
	public void accept(T item) {
		batch.add(item);
		if (batch.size() == batchSize) {
			hand(batch);
			batch = new ArrayList<>(batchSize);
		}
	}

	/** Waits until the consumer has seen every item. */
	public void finish() {
		hand(batch);
		batch = new ArrayList<>();
		thread.shutdown();
		try {
			while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
				// a slow machine: keep waiting, the items are still being handled
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the background work", ex);
		}
		throwIfFailed();
	}

	/** Stops at once: items not handled yet are dropped. */
	@Override
	public void close() {
		thread.shutdownNow();
	}

	private void hand(List<T> items) {
		throwIfFailed();
		try {
			room.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the background work", ex);
		}
		thread.execute(() -> {
			try {
				if (failure == null) {
					items.forEach(consumer);
				}
			}
			catch (Throwable ex) {
				failure = ex;
			}
			finally {
				room.release();
			}
		});
	}

	private void throwIfFailed() {
		Throwable failed = failure;
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw new IllegalStateException(failed);
		}
	}
}
