package com.pinbatch.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pinbatch.result.FormulaEscaping;
import com.pinbatch.result.ResultColumns;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFileRowSourceTests {

	private static final String RESULT_HEADER = "row,status,post_id,error_code,error_message,attempts,request_id,"
			+ "finished_at";

	@TempDir
	Path dir;

	@Test
	void knowsTheResultColumnsOfTheResultFile() {
		assertThat(ResultFileRowSource.RESULT_COLUMNS).isEqualTo(ResultColumns.NAMES);
	}

	@Test
	void readsResultFileAsTheInputItWasMadeFrom() throws IOException {
		Path file = write("title,board," + RESULT_HEADER + "\r\n"
				+ "First,Recipes,2,CREATED,p_1,,,1,req-2,2030-01-02T03:04:05Z\r\n"
				+ "Second,,5,INVALID,,board_required,\"No board; add one\",0,,2030-01-02T03:04:06Z\r\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source).isInstanceOf(ResultFileRowSource.class);
			assertThat(source.headers()).containsExactly("title", "board");
			InputRow created = source.next();
			assertThat(created.rowNumber()).isEqualTo(2);
			assertThat(created.headers()).containsExactly("title", "board");
			assertThat(created.values()).containsExactly("First", "Recipes");
			assertThat(created.prior()).isEqualTo(
					new PriorOutcome("CREATED", "p_1", null, null, "1", "req-2", "2030-01-02T03:04:05Z"));
			InputRow invalid = source.next();
			assertThat(invalid.rowNumber()).as("the row of the original input, not of the result file").isEqualTo(5);
			assertThat(invalid.values()).containsExactly("Second", "");
			assertThat(invalid.prior()).isEqualTo(new PriorOutcome("INVALID", null, "board_required",
					"No board; add one", "0", null, "2030-01-02T03:04:06Z"));
			assertThat(source.next()).isNull();
		}
	}

	@Test
	void readsThePinUrlOfAResultFileThatHasOneAndOlderFilesWithout() throws IOException {
		Path file = write("title," + String.join(",", ResultColumns.NAMES) + "\r\n"
				+ "First,2,PUBLISHED,p_1,https://www.pinterest.com/pin/1/,2030-03-01T08:30:00Z,,,1,req-2,"
				+ "2030-01-02T03:04:05Z\r\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).containsExactly("title");
			assertThat(source.next().prior()).isEqualTo(new PriorOutcome("PUBLISHED", "p_1",
					"https://www.pinterest.com/pin/1/", null, null, "1", "req-2", "2030-01-02T03:04:05Z",
					"2030-03-01T08:30:00Z"));
		}
	}

	@Test
	void fallsBackToTheRowReadWhenTheRowCellIsNotANumber() throws IOException {
		Path file = write("title;" + RESULT_HEADER.replace(',', ';') + "\n"
				+ "a;;FAILED;;;;;;\n"
				+ "b;x7;FAILED;;;;;;\n"
				+ "c;0;FAILED;;;;;;\n"
				+ "d;9.0;FAILED;;;;;;\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source.next().rowNumber()).isEqualTo(2);
			assertThat(source.next().rowNumber()).isEqualTo(3);
			assertThat(source.next().rowNumber()).isEqualTo(4);
			assertThat(source.next().rowNumber()).isEqualTo(9);
		}
	}

	@Test
	void undoesFormulaEscapingInHeadersAndCells() throws IOException {
		Path file = write("'=title,notes," + RESULT_HEADER + "\n"
				+ "'=1+2,'plain quote,2,FAILED,,'-code,'@msg,1,,\n"
				+ "''-5,'\t,3,FAILED,,,,1,,\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source.headers()).containsExactly("=title", "notes");
			InputRow first = source.next();
			assertThat(first.values()).containsExactly("=1+2", "'plain quote");
			assertThat(first.prior().errorCode()).isEqualTo("-code");
			assertThat(first.prior().errorMessage()).isEqualTo("@msg");
			assertThat(source.next().values()).containsExactly("'-5", "\t");
		}
	}

	@Test
	void unescapeUndoesEscapeForEveryKindOfCell() {
		for (String cell : List.of("", "plain", "=A1", "+1", "-1", "@x", "\tx", "\rx", "'", "''", "'=A1", "''=A1",
				"'''+1", "'text", "it's", " =A1", "=", "-", "\uFF1D1", "'\u3000+1", "\u200B@x", "\nx")) {
			assertThat(ResultFileRowSource.unescape(FormulaEscaping.escape(cell))).as(cell).isEqualTo(cell);
		}
	}

	@Test
	void leavesOrdinaryInputAlone() throws IOException {
		Path file = write("title,status,row\n'=kept,CREATED,7\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source).isInstanceOf(CsvRowSource.class);
			InputRow row = source.next();
			assertThat(row.rowNumber()).isEqualTo(2);
			assertThat(row.values()).containsExactly("'=kept", "CREATED", "7");
			assertThat(row.prior()).isNull();
		}
	}

	@Test
	void resultColumnsMustBeTheLastColumns() throws IOException {
		Path file = write(RESULT_HEADER + ",title\n2,CREATED,p,,,1,r,t,x\n");

		try (RowSource source = RowSources.open(file, InputOptions.defaults())) {
			assertThat(source).isInstanceOf(CsvRowSource.class);
			assertThat(source.headers()).hasSize(9);
		}
	}

	@Test
	void keepsNumericCellsOfInputColumnsOnly() {
		List<String> headers = List.of("board", "account", "row", "status", "post_id", "error_code",
				"error_message", "attempts", "request_id", "finished_at");
		InputRow stored = new InputRow(4, headers,
				List.of("123456789012345678", "acc", "4", "FAILED", "", "", "", "1", "", ""), Set.of(0, 2, 7), null);

		try (RowSource source = ResultFileRowSource.wrapIfResultFile(Path.of("stored.csv"),
				new FixedRowSource(headers, stored))) {
			InputRow row = source.next();
			assertThat(row.values()).containsExactly("123456789012345678", "acc");
			assertThat(row.numericCells()).containsExactly(0);
			assertThat(row.isNumericCell(0)).isTrue();
		}
	}

	private Path write(String text) throws IOException {
		Path file = dir.resolve("results.csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/** Stands in for an XLSX source, the only kind that reports number cells. */
	private static final class FixedRowSource implements RowSource {

		private final List<String> headers;

		private final Iterator<InputRow> rows;

		FixedRowSource(List<String> headers, InputRow... rows) {
			this.headers = headers;
			this.rows = List.of(rows).iterator();
		}

		@Override
		public List<String> headers() {
			return headers;
		}

		@Override
		public InputRow next() {
			return rows.hasNext() ? rows.next() : null;
		}

		@Override
		public void close() {
		}
	}
}
