package com.pinbatch.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Benchmark baseline (not a test): parses a CSV file with Commons CSV and nothing else, touching every cell, and
 * prints {@code rows=N seconds=S rows_per_s=R}. bench/dry-run-rate.sh sets a pinbatch dry run of the same file
 * beside it.
 */
public final class BenchBareCsvParse {

	private BenchBareCsvParse() {
	}

	public static void main(String[] args) throws IOException {
		long started = System.nanoTime();
		long rows = 0;
		long characters = 0;
		try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				rows++;
				for (String cell : record) {
					characters += cell.length();
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("rows=%d characters=%d seconds=%.2f rows_per_s=%.0f%n", rows, characters, seconds,
				rows / seconds);
	}
}
