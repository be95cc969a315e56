package com.pinbatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.pinbatch.concurrent.DaemonThreads;
import com.pinbatch.input.InputRow;
import com.pinbatch.pin.PinDraft;

/**
 * Gives the survey's rows to another visitor on a thread of its own, in batches and in file order: the plan's
 * validation of each row then runs beside the parse and the survey's own checks instead of after them (on two
 * cores the plan step of a large file took about half as long). A few batches at most wait, so memory stays flat.
 * {@link #finish} waits for the last row and passes on the visitor's failure, if any. Not thread-safe: one survey.
 */
final class BackgroundVisitor implements InputInspector.RowVisitor, AutoCloseable {

	private static final int BATCH = 1_000;

	private static final int BATCHES_WAITING = 4;

	private record Visit(InputRow row, PinDraft draft) {
	}

	private final InputInspector.RowVisitor visitor;

	private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("pinbatch-plan"));

	private final Semaphore room = new Semaphore(BATCHES_WAITING);

	private List<Visit> batch = new ArrayList<>(BATCH);

	/** What the visitor threw, Errors too: a row it did not see must not go unnoticed. */
	private volatile Throwable failure;

	BackgroundVisitor(InputInspector.RowVisitor visitor) {
		this.visitor = visitor;
	}

	@Override
	public void accept(InputRow row, PinDraft draft) {
		batch.add(new Visit(row, draft));
		if (batch.size() == BATCH) {
			hand(batch);
			batch = new ArrayList<>(BATCH);
		}
	}

	/** Waits until the visitor has seen every row. */
	void finish() {
		hand(batch);
		batch = new ArrayList<>();
		thread.shutdown();
		try {
			while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
				// a slow machine: keep waiting, the rows are still being checked
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the plan checked the rows", ex);
		}
		throwIfFailed();
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}

	private void hand(List<Visit> visits) {
		throwIfFailed();
		try {
			room.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the plan checked the rows", ex);
		}
		thread.execute(() -> {
			try {
				if (failure == null) {
					visits.forEach(visit -> visitor.accept(visit.row(), visit.draft()));
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
