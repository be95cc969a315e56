package com.pinbatch.result;

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
		assertThat(FormulaEscaping.escape(" =x")).isEqualTo(" =x");
		assertThat(FormulaEscaping.escape("'quoted'")).isEqualTo("'quoted'");
		assertThat(FormulaEscaping.escape("'")).isEqualTo("'");
		assertThat(FormulaEscaping.escape("https://x.test/-=")).isEqualTo("https://x.test/-=");
	}

	@Test
	void addsOneMoreApostropheToCellsThatLookEscapedAlready() {
		assertThat(FormulaEscaping.escape("'=1")).isEqualTo("''=1");
		assertThat(FormulaEscaping.escape("''-1")).isEqualTo("'''-1");
	}
}
