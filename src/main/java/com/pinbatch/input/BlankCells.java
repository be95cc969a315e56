package com.pinbatch.input;

/** Which cells hold nothing a person sees: spaces of any kind (a no-break space too) and zero-width characters. */
public final class BlankCells {

	private BlankCells() {
	}

	/**
	 * Whether the cell shows nothing. A row of such cells is no data row: a row holding one no-break space, which a
	 * styled but empty row of a workbook or a web page's copy leaves, was read as a pin with no media.
	 */
	static boolean isBlank(String cell) {
		return cell.chars().allMatch(BlankCells::showsNothing);
	}

	/** A space of any kind, a zero-width character or a byte order mark. */
	public static boolean showsNothing(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\u200C'
				|| c == '\u200D' || c == '\u2060' || c == '\uFEFF';
	}
}
