package com.pinbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The scan of a sheet's part for its merged cells, ahead of its rows. */
class XlsxMergedCellsTests {

	@Test
	void elementsAreFoundWhereverTheReadsCutThePartAndWhateverTheirPrefix() {
		StringBuilder part = new StringBuilder("<x:worksheet xmlns:x=\"urn:main\"><x:sheetData>");
		// rows enough that the merged cells after them straddle the end of the scan's first block (64 KiB)
		while (part.length() < (1 << 16) - 10) {
			part.append("<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>mergeCell &lt;mergeCell ref=\"Z9:Z10\""
					+ "</x:t></x:is></x:c></x:row>");
		}
		part.append("</x:sheetData><x:mergeCells count=\"3\">");
		for (int i = 2; i < 60; i++) {
			part.append("<x:mergeCell ref=\"C").append(i).append(":C").append(i + 1).append("\"/>");
		}
		part.append("<mergeCell\n ref='D2:E2'/></x:mergeCells></x:worksheet>");

		XlsxMergedCells merged = XlsxMergedCells
			.scan(new ByteArrayInputStream(part.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(merged.reachingBelow(1)).hasSize(59).contains("C2:C3", "C59:C60", "D2:E2")
			.doesNotContain("Z9:Z10");
	}

	@Test
	void aDamagedPartGivesTheRangesReadBeforeTheDamage() {
		byte[] part = "<worksheet><mergeCells><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"B2:"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(XlsxMergedCells.scan(new ByteArrayInputStream(part)).reachingBelow(1)).containsExactly("A2:A3");
	}
}
