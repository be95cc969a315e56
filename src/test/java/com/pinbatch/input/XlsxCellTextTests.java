package com.pinbatch.input;

import com.pinbatch.text.ColumnLetters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxCellTextTests {

	@ParameterizedTest
	@CsvSource({ "42, 42", "5.0, 5", "-7, -7", "2.50, 2.5", "0.30000000000000004, 0.3",
			"9.18273645500000E17, 918273645500000000", "9.182736455E+17, 918273645500000000",
			"1E+21, 1000000000000000000000", "1.5E-4, 0.00015", "0.0, 0" })
	void numbersAreShownWithoutExponentOrSpuriousDecimals(String stored, String shown) {
		assertThat(XlsxCellText.numberText(stored)).isEqualTo(shown);
	}

	@Test
	void excelEscapesOfControlCharactersAreDecoded() {
		assertThat(XlsxTextEscapes.decode("a_x000D_b")).isEqualTo("a\rb");
		assertThat(XlsxTextEscapes.decode("keep_x005F_x000D_")).isEqualTo("keep_x000D_");
		assertThat(XlsxTextEscapes.decode("plain_x and _xZZZZ_")).isEqualTo("plain_x and _xZZZZ_");
	}

	@Test
	void columnLettersGiveTheColumnIndex() {
		assertThat(XlsxSheetParser.columnIndex("A1")).isZero();
		assertThat(XlsxSheetParser.columnIndex("Z9")).isEqualTo(25);
		assertThat(XlsxSheetParser.columnIndex("AB12")).isEqualTo(27);
		assertThat(XlsxSheetParser.columnIndex("XFD1048576")).isEqualTo(16_383);
		assertThat(ColumnLetters.of(27)).isEqualTo("AB");
		assertThat(ColumnLetters.of(0)).isEqualTo("A");
	}
}
