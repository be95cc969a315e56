package com.pinbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Opens an input file as a {@link RowSource}, telling CSV from XLSX by content, never by extension. */
public final class RowSources {

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	/** Legacy .xls and encrypted .xlsx files are both OLE2 compound documents. */
	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private RowSources() {
	}

	public static RowSource open(Path file, InputOptions options) {
		return open(file, options, null);
	}

	/**
	 * As {@link #open(Path, InputOptions)}; a CSV's bytes also go into {@code digest} (or null) as they are parsed,
	 * a workbook's do not (see {@link InputDigest#covers}).
	 */
	public static RowSource open(Path file, InputOptions options, InputDigest digest) {
		if (!Files.exists(file)) {
			throw InputFileException.notFound(file, "--input");
		}
		if (Files.isDirectory(file)) {
			throw new InputFileException(file + ": is a folder, not a file; give the path of a CSV or XLSX file");
		}
		if (!Files.isReadable(file)) {
			throw new InputFileException(file + ": cannot be read (permission denied)");
		}
		byte[] head = head(file);
		boolean workbook = startsWith(head, ZIP_MAGIC) || startsWith(head, OLE2_MAGIC);
		if (!workbook) {
			OtherDocuments.kindOf(head).ifPresent(kind -> {
				throw new InputFileException(file + ": " + kind);
			});
		}
		RowSource source = workbook ? XlsxRowSource.open(file, options)
				: CsvRowSource.open(file, options, digest);
		// an earlier result file (--retry-failed) reads as the input it was made from
		return ResultFileRowSource.wrapIfResultFile(file, source);
	}

	/**
	 * An earlier result file, read as {@link #open(Path, InputOptions)} does.
	 *
	 * @param option the option that named it ({@code --retry-failed}, {@code --follow-up}), for the refusal's line
	 * @throws InputFileException when the file is not a result file pinbatch wrote (the input itself, say)
	 */
	public static RowSource openResultFile(Path file, InputOptions options, String option) {
		if (!Files.exists(file)) {
			throw InputFileException.notFound(file, option);
		}
		RowSource source = open(file, options);
		if (!(source instanceof ResultFileRowSource)) {
			source.close();
			List<String> after = ResultFileRowSource.columnsAfterResults(source.headers());
			if (!after.isEmpty()) {
				// a column added at the end in Excel: before, "not a result file", of the very file a run wrote
				throw new InputFileException(file + ": the result columns (row, status, post_id, ...) must come last,"
						+ " but " + after.stream().map(header -> "'" + header + "'").collect(Collectors.joining(", "))
						+ (after.size() == 1 ? " follows them" : " follow them") + ": move " + (after.size() == 1
								? "that column" : "those columns") + " in front of 'row', or delete "
						+ (after.size() == 1 ? "it" : "them") + ", then run " + option + " again");
			}
			throw new InputFileException(file + " is not a pinbatch result file, which " + option + " takes: its last"
					+ " columns must be row, status, post_id, ...; give the result file a run wrote (NAME.results.csv or"
					+ " .xlsx)");
		}
		return source;
	}

	/**
	 * The sheet {@code wanted} names, as the workbook names it: its case may differ ({@code --sheet=pins} for
	 * {@code Pins}). {@code wanted} itself for a CSV, or when no sheet has that name or the file cannot be read (the
	 * file's opening says so).
	 */
	public static String sheetNamed(Path file, String wanted) {
		return wanted != null && isWorkbook(file) ? XlsxRowSource.sheetNamed(file, wanted) : wanted;
	}

	/** Whether the file is a workbook (by content); false for a file that cannot be read (reported on opening). */
	public static boolean isWorkbook(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(8);
			return startsWith(head, ZIP_MAGIC) || startsWith(head, OLE2_MAGIC);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(OtherDocuments.HEAD_BYTES);
		}
		catch (IOException ex) {
			throw new InputFileException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
