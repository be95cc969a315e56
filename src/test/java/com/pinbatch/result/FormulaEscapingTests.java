package com.pinbatch.result;

import com.pinbatch.text.SafeText;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaEscapingTests {

	@Test
	void prefixesCellsThatStartLikeAFormula() {
		assertThat(FormulaEscaping.escape("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(FormulaEscaping.escape("+1")).isEqualTo("'+1");
		assertThat(FormulaEscaping.escape("-2")).isEqualTo("'-2");
		assertThat(FormulaEscaping.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(FormulaEscaping.escape("\tcmd")).isEqualTo("'\tcmd");
		assertThat(FormulaEscaping.escape("\rcmd")).isEqualTo("'\rcmd");
	}

	@Test
	void leavesOtherCellsAlone() {
		assertThat(FormulaEscaping.escape("")).isEmpty();
		assertThat(FormulaEscaping.escape("a=b")).isEqualTo("a=b");
		assertThat(FormulaEscaping.escape("'quoted'")).isEqualTo("'quoted'");
		assertThat(FormulaEscaping.escape("'")).isEqualTo("'");
		assertThat(FormulaEscaping.escape("https://x.test/-=")).isEqualTo("https://x.test/-=");
	}

	@Test
	void aWorkbookCellGetsAnApostropheOnlyWhereReadingItBackWouldTakeOneAway() {
		assertThat(FormulaEscaping.keepApostrophes("=SUM(A1)")).isEqualTo("=SUM(A1)");
		assertThat(FormulaEscaping.keepApostrophes("'=SUM(A1)")).isEqualTo("''=SUM(A1)");
		assertThat(FormulaEscaping.keepApostrophes("'Tis the season")).isEqualTo("'Tis the season");
	}

	@Test
	void guardsTheLookalikesASpreadsheetStillRuns() {
		assertThat(FormulaEscaping.escape(" =x")).isEqualTo("' =x");
		assertThat(FormulaEscaping.escape("\u00A0\u3000+1")).isEqualTo("'\u00A0\u3000+1");
		assertThat(FormulaEscaping.escape("\uFF1DHYPERLINK(\"x\")")).isEqualTo("'\uFF1DHYPERLINK(\"x\")");
		assertThat(FormulaEscaping.escape("\u200B@SUM(A1)")).isEqualTo("'\u200B@SUM(A1)");
		// a cell keeps its zero-width characters (SafeText.cell): the guard still sees the formula behind them
		assertThat(FormulaEscaping.escape(SafeText.cell("\u200D=1+1"))).isEqualTo("'\u200D=1+1");
		assertThat(FormulaEscaping.escape("\nline")).isEqualTo("'\nline");
		assertThat(FormulaEscaping.escape("  plain text")).isEqualTo("  plain text");
		assertThat(FormulaEscaping.escape("\uFF0D\uFF0B\uFF20")).startsWith("'");
	}

	@Test
	void addsOneMoreApostropheToCellsThatLookEscapedAlready() {
		assertThat(FormulaEscaping.escape("'=1")).isEqualTo("''=1");
		assertThat(FormulaEscaping.escape("''-1")).isEqualTo("'''-1");
	}
}
