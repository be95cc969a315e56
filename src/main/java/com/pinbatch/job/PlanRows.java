package com.pinbatch.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.pinbatch.job.PlanningPass.RowRef;

/**
 * The rows a plan counts against their accounts' caps, kept column by column in primitive arrays and handed out as
 * {@link RowRef}s one at a time. As a list of objects a million rows took about 80 MB, more than a launcher may keep
 * for its plan step (a quarter of the heap at 256 MB), and the plan step read the file a third time; here a dry run's
 * row takes 24 bytes, and a row with pin identities 48. Rows left out ({@link #without}) are marked, not copied.
 */
final class PlanRows implements Iterable<RowRef> {

	/** A row without a publish time. */
	private static final long NO_TIME = Long.MIN_VALUE;

	/** A row without checked media. */
	private static final int NO_MEDIA = -1;

	/** What an account and board pair's array and its place in the table take in memory, about. */
	private static final long PAIR_BYTES = 32;

	/** What a string takes in memory beside its characters (one byte each, mostly), about. */
	private static final long STRING_BYTES = 40;

	private final Columns columns;

	/** The rows left out, by position. */
	private final BitSet left;

	private PlanRows(Columns columns, BitSet left) {
		this.columns = columns;
		this.left = left;
	}

	/** The rows as collected, their columns not copied: the identity and media ones only when asked for. */
	private record Columns(LongArrayList rowNumbers, IntArrayList refs, List<String[]> refTable, long refTableBytes,
			LongArrayList publishSeconds, IntArrayList publishNanos, IntArrayList media, List<String> mediaTable,
			LongArrayList pins, LongArrayList formerPins, LongArrayList contents, BitSet retried) {

		RowRef at(int position) {
			String[] ref = refTable.get(refs.get(position));
			long seconds = publishSeconds.get(position);
			Instant publishAt = seconds == NO_TIME ? null : Instant.ofEpochSecond(seconds, publishNanos.get(position));
			int mediaIndex = media == null ? NO_MEDIA : media.get(position);
			return new RowRef(rowNumbers.get(position), ref[0], ref[1], publishAt,
					mediaIndex == NO_MEDIA ? null : mediaTable.get(mediaIndex), pins == null ? 0 : pins.get(position),
					formerPins == null ? 0 : formerPins.get(position), contents == null ? 0 : contents.get(position),
					retried.get(position));
		}

		/**
		 * About what the columns take in memory, with the table of accounts and boards (a sheet naming a board by id
		 * on every row has as many pairs as rows).
		 */
		long bytes() {
			long bytes = refTableBytes + 8L * rowNumbers.buffer.length + 4L * refs.buffer.length
					+ 8L * publishSeconds.buffer.length + 4L * publishNanos.buffer.length;
			if (media != null) {
				bytes += 4L * media.buffer.length;
			}
			if (pins != null) {
				bytes += 8L * (pins.buffer.length + formerPins.buffer.length + contents.buffer.length);
			}
			return bytes + retried.size() / 8;
		}
	}

	int size() {
		return columns.rowNumbers().size() - left.cardinality();
	}

	/** About what the rows take in memory. */
	long bytes() {
		return columns.bytes() + left.size() / 8;
	}

	/** The same rows less those {@code leftOut} names; these rows are unchanged. */
	PlanRows without(Predicate<RowRef> leftOut) {
		BitSet stillLeft = (BitSet) left.clone();
		for (int position = stillLeft.nextClearBit(0); position < columns.rowNumbers().size();
				position = stillLeft.nextClearBit(position + 1)) {
			if (leftOut.test(columns.at(position))) {
				stillLeft.set(position);
			}
		}
		return new PlanRows(columns, stillLeft);
	}

	/** These rows and {@code others} (rows of other numbers, collected alike), in the order of their row numbers. */
	PlanRows merged(PlanRows others) {
		Builder builder = new Builder(columns.pins() != null, columns.media() != null);
		Iterator<RowRef> mine = iterator();
		Iterator<RowRef> theirs = others.iterator();
		RowRef next = mine.hasNext() ? mine.next() : null;
		RowRef other = theirs.hasNext() ? theirs.next() : null;
		while (next != null || other != null) {
			if (other == null || next != null && next.rowNumber() < other.rowNumber()) {
				builder.add(next);
				next = mine.hasNext() ? mine.next() : null;
			}
			else {
				builder.add(other);
				other = theirs.hasNext() ? theirs.next() : null;
			}
		}
		return builder.build();
	}

	@Override
	public Iterator<RowRef> iterator() {
		return new Iterator<>() {

			private int position = left.nextClearBit(0);

			@Override
			public boolean hasNext() {
				return position < columns.rowNumbers().size();
			}

			@Override
			public RowRef next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				RowRef row = columns.at(position);
				position = left.nextClearBit(position + 1);
				return row;
			}
		};
	}

	/** Collects rows in the file's order. */
	static final class Builder {

		private final LongArrayList rowNumbers = new LongArrayList();

		private final IntArrayList refs = new IntArrayList();

		private final List<String[]> refTable = new ArrayList<>();

		private final Map<List<String>, Integer> refIndex = new HashMap<>();

		/** About what the table of pairs takes: each pair's array and place in the list, and its two strings. */
		private long refTableBytes;

		private final LongArrayList publishSeconds = new LongArrayList();

		private final IntArrayList publishNanos = new IntArrayList();

		private final IntArrayList media;

		private final List<String> mediaTable = new ArrayList<>();

		private final Map<String, Integer> mediaIndex = new HashMap<>();

		private final LongArrayList pins;

		private final LongArrayList formerPins;

		private final LongArrayList contents;

		private final BitSet retried = new BitSet();

		/** The last row's account and board, and their place in the table: rows mostly repeat the one before's. */
		private String lastAccount;

		private String lastBoard;

		private int lastRef = -1;

		/**
		 * @param withIdentities whether the rows carry pin identities (else they are all 0)
		 * @param withMedia      whether the rows carry their checked media (else they are all null)
		 */
		Builder(boolean withIdentities, boolean withMedia) {
			this.media = withMedia ? new IntArrayList() : null;
			this.pins = withIdentities ? new LongArrayList() : null;
			this.formerPins = withIdentities ? new LongArrayList() : null;
			this.contents = withIdentities ? new LongArrayList() : null;
		}

		void add(RowRef row) {
			if (row.retried()) {
				retried.set(rowNumbers.size());
			}
			rowNumbers.add(row.rowNumber());
			refs.add(ref(row.accountRef(), row.boardRef()));
			publishSeconds.add(row.publishAt() == null ? NO_TIME : row.publishAt().getEpochSecond());
			publishNanos.add(row.publishAt() == null ? 0 : row.publishAt().getNano());
			if (media != null) {
				media.add(row.checkedMedia() == null ? NO_MEDIA
						: mediaIndex.computeIfAbsent(row.checkedMedia(), location -> {
							mediaTable.add(location);
							return mediaTable.size() - 1;
						}));
			}
			else if (row.checkedMedia() != null) {
				throw new IllegalArgumentException("rows collected without their media");
			}
			if (pins != null) {
				pins.add(row.pin());
				formerPins.add(row.formerPin());
				contents.add(row.content());
			}
			else if (row.pin() != 0 || row.formerPin() != 0 || row.content() != 0) {
				throw new IllegalArgumentException("rows collected without their pin identities");
			}
		}

		private int ref(String account, String board) {
			if (lastRef < 0 || !Objects.equals(account, lastAccount) || !Objects.equals(board, lastBoard)) {
				lastAccount = account;
				lastBoard = board;
				lastRef = refIndex.computeIfAbsent(List.of(account, board), key -> {
					refTable.add(new String[] { account, board });
					refTableBytes += PAIR_BYTES + 2 * STRING_BYTES + account.length() + board.length();
					return refTable.size() - 1;
				});
			}
			return lastRef;
		}

		PlanRows build() {
			// the arrays' spare room, up to half their length, would count against the memory a launcher may keep
			rowNumbers.trimToSize();
			refs.trimToSize();
			publishSeconds.trimToSize();
			publishNanos.trimToSize();
			if (media != null) {
				media.trimToSize();
			}
			if (pins != null) {
				pins.trimToSize();
				formerPins.trimToSize();
				contents.trimToSize();
			}
			return new PlanRows(new Columns(rowNumbers, refs, refTable, refTableBytes, publishSeconds, publishNanos,
					media, mediaTable, pins, formerPins, contents, retried), new BitSet());
		}
	}
}
