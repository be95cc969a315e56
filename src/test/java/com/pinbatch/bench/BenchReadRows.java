package com.pinbatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import com.pinbatch.input.CsvRowSource;
import com.pinbatch.input.InputOptions;
import com.pinbatch.input.InputRow;
import com.pinbatch.input.RowSource;
import com.pinbatch.input.XlsxRowSource;

/**
 * Benchmark (not a test): raw reader throughput, every row of one file through XlsxRowSource or CsvRowSource
 * (by extension), without the job around it. Prints one line: rows, seconds, rows/s, peak heap.
 *
 * <p>Usage: {@code java -Xmx256m -cp ... com.pinbatch.bench.BenchReadRows FILE}
 */
public final class BenchReadRows {

	private BenchReadRows() {
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: BenchReadRows FILE(.xlsx|.csv)");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		long start = System.nanoTime();
		long rows = 0;
		long characters = 0;
		double openSeconds;
		try (RowSource source = open(file)) {
			// opening an XLSX file loads its shared-strings table: worth seeing apart from the rows
			openSeconds = (System.nanoTime() - start) / 1e9;
			InputRow row;
			while ((row = source.next()) != null) {
				rows++;
				for (String value : row.values()) {
					characters += value.length();
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s rows=%d chars=%d seconds=%.2f open_seconds=%.2f rows_per_s=%.0f"
				+ " heap_pool_peaks_mb=%d max_heap_mb=%d%n", file.getFileName(), rows, characters, seconds, openSeconds, rows / seconds, peakHeapBytes() >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
	}

	private static RowSource open(Path file) {
		if (file.toString().endsWith(".xlsx")) {
			return XlsxRowSource.open(file, InputOptions.defaults());
		}
		return CsvRowSource.open(file);
	}

	/** Sum of the heap pools' peaks (reached at different times, so it may exceed -Xmx): an upper bound. */
	private static long peakHeapBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}
}
