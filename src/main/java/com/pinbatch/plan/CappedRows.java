package com.pinbatch.plan;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The rows the sender would refuse at a cap, as a read-only map by row number kept in two arrays (a hash map of a
 * million refused rows took some 100 MB of entries before their messages). Rows come in file order, which is row
 * order unless the user sorted a result file; they are sorted once, on the first look-up.
 *
 * @param <V> what is known of each refused row
 */
final class CappedRows<V> extends AbstractMap<Long, V> {

	private long[] rows = new long[16];

	private Object[] refusals = new Object[16];

	private int size;

	private boolean sorted = true;

	void add(long rowNumber, V refusal) {
		if (size == rows.length) {
			rows = Arrays.copyOf(rows, size * 2);
			refusals = Arrays.copyOf(refusals, size * 2);
		}
		sorted &= size == 0 || rowNumber > rows[size - 1];
		rows[size] = rowNumber;
		refusals[size] = refusal;
		size++;
	}

	@Override
	public V get(Object key) {
		sortOnce();
		int at = key instanceof Long row ? Arrays.binarySearch(rows, 0, size, row) : -1;
		return at >= 0 ? refusal(at) : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public Set<Entry<Long, V>> entrySet() {
		sortOnce();
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<Long, V>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return next < size;
					}

					@Override
					public Entry<Long, V> next() {
						if (next >= size) {
							throw new NoSuchElementException();
						}
						Entry<Long, V> entry = new SimpleImmutableEntry<>(rows[next], refusal(next));
						next++;
						return entry;
					}
				};
			}

			@Override
			public int size() {
				return size;
			}
		};
	}

	@SuppressWarnings("unchecked")
	private V refusal(int at) {
		return (V) refusals[at];
	}

	private void sortOnce() {
		if (sorted) {
			return;
		}
		int[] order = IntStream.range(0, size)
			.boxed()
			.sorted(Comparator.comparingLong(at -> rows[at]))
			.mapToInt(Integer::intValue)
			.toArray();
		long[] sortedRows = new long[size];
		Object[] sortedRefusals = new Object[size];
		for (int i = 0; i < size; i++) {
			sortedRows[i] = rows[order[i]];
			sortedRefusals[i] = refusals[order[i]];
		}
		rows = sortedRows;
		refusals = sortedRefusals;
		sorted = true;
	}
}
