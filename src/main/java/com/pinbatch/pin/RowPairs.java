package com.pinbatch.pin;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.carrotsearch.hppc.LongLongHashMap;

/**
 * A number for some of a file's rows (the earlier row a duplicate repeats, the publish time a row was moved to),
 * held as two sorted primitive arrays and looked up by binary search. A file can have millions of such rows: as a
 * map of boxed numbers a million took about 80 MB, and in the job's execution context more than the repository's
 * column holds. {@link #packed()} is its stored form: both columns as deltas in variable-length numbers, deflated,
 * so a million rows that all repeat row 1 take a few kilobytes.
 */
public final class RowPairs {

	public static final RowPairs NONE = new RowPairs(new long[0], new long[0]);

	private final long[] rows;

	private final long[] values;

	private RowPairs(long[] rows, long[] values) {
		this.rows = rows;
		this.values = values;
	}

	public static RowPairs of(Map<Long, Long> valueByRow) {
		Builder builder = new Builder();
		valueByRow.forEach(builder::add);
		return builder.build();
	}

	/** Rows without values (a set of rows): {@code rows} sorted, each once. */
	public static RowPairs ofRows(long[] rows) {
		return new RowPairs(rows.clone(), new long[rows.length]);
	}

	/** The value of {@code row}, if it has one. */
	public OptionalLong get(long row) {
		int at = Arrays.binarySearch(rows, row);
		return at >= 0 ? OptionalLong.of(values[at]) : OptionalLong.empty();
	}

	public boolean contains(long row) {
		return Arrays.binarySearch(rows, row) >= 0;
	}

	public int size() {
		return rows.length;
	}

	/** The stored form, read back by {@link #unpacked(byte[])}. */
	public byte[] packed() {
		ByteArrayOutputStream plain = new ByteArrayOutputStream(rows.length * 2 + 8);
		writeVarLong(plain, rows.length);
		writeDeltas(plain, rows);
		writeDeltas(plain, values);
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(plain.toByteArray());
			deflater.finish();
			ByteArrayOutputStream packed = new ByteArrayOutputStream(plain.size() / 4 + 64);
			byte[] buffer = new byte[64 * 1024];
			while (!deflater.finished()) {
				packed.write(buffer, 0, deflater.deflate(buffer));
			}
			return packed.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * Reads the form {@link #packed()} wrote.
	 *
	 * @throws IllegalArgumentException when {@code packed} is not such a form
	 */
	public static RowPairs unpacked(byte[] packed) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(packed);
			ByteArrayOutputStream plain = new ByteArrayOutputStream(packed.length * 4 + 64);
			byte[] buffer = new byte[64 * 1024];
			while (!inflater.finished()) {
				int read = inflater.inflate(buffer);
				if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalArgumentException("a packed list of rows ends early");
				}
				plain.write(buffer, 0, read);
			}
			Reader reader = new Reader(plain.toByteArray());
			int size = Math.toIntExact(reader.nextVarLong());
			return new RowPairs(reader.deltas(size), reader.deltas(size));
		}
		catch (DataFormatException | ArithmeticException | ArrayIndexOutOfBoundsException ex) {
			throw new IllegalArgumentException("not a packed list of rows", ex);
		}
		finally {
			inflater.end();
		}
	}

	private static void writeDeltas(ByteArrayOutputStream out, long[] numbers) {
		long previous = 0;
		for (long number : numbers) {
			long delta = number - previous;
			writeVarLong(out, (delta << 1) ^ (delta >> 63)); // zigzag: a small step back stays small
			previous = number;
		}
	}

	private static void writeVarLong(ByteArrayOutputStream out, long value) {
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			out.write((int) (rest & 0x7F) | 0x80);
			rest >>>= 7;
		}
		out.write((int) rest);
	}

	private static final class Reader {

		private final byte[] bytes;

		private int at;

		Reader(byte[] bytes) {
			this.bytes = bytes;
		}

		long[] deltas(int size) {
			long[] numbers = new long[size];
			long previous = 0;
			for (int i = 0; i < size; i++) {
				long zigzag = nextVarLong();
				previous += (zigzag >>> 1) ^ -(zigzag & 1);
				numbers[i] = previous;
			}
			return numbers;
		}

		long nextVarLong() {
			long value = 0;
			for (int shift = 0; shift < Long.SIZE; shift += 7) {
				byte next = bytes[at++];
				value |= (long) (next & 0x7F) << shift;
				if (next >= 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("a number in a packed list of rows is too long");
		}
	}

	/** Collects pairs; rows come in any order, each once. */
	public static final class Builder {

		private long[] rows = new long[16];

		private long[] values = new long[16];

		private int size;

		private boolean inOrder = true;

		public Builder add(long row, long value) {
			if (size == rows.length) {
				rows = Arrays.copyOf(rows, size * 2);
				values = Arrays.copyOf(values, size * 2);
			}
			inOrder &= size == 0 || rows[size - 1] < row;
			rows[size] = row;
			values[size] = value;
			size++;
			return this;
		}

		public RowPairs build() {
			long[] sortedRows = Arrays.copyOf(rows, size);
			long[] sortedValues = Arrays.copyOf(values, size);
			if (!inOrder) {
				// primitive all the way: a million --spread slots come from a hash map, in no order
				LongLongHashMap valueOf = new LongLongHashMap(size);
				for (int i = 0; i < size; i++) {
					valueOf.put(rows[i], values[i]);
				}
				Arrays.sort(sortedRows);
				for (int i = 0; i < size; i++) {
					sortedValues[i] = valueOf.get(sortedRows[i]);
				}
			}
			return new RowPairs(sortedRows, sortedValues);
		}
	}
}
