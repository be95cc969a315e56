package com.pinbatch.input;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The plain text of a rich-text element: a shared string ({@code si}) or an inline string ({@code is}). */
final class XlsxRichText {

	private XlsxRichText() {
	}

	/**
	 * Reads up to the end of the element just started: its {@code t} runs, plain or inside {@code r}, joined;
	 * phonetic ({@code rPh}) runs left out, as Excel does not show them in the cell.
	 */
	static String read(XMLStreamReader xml, String element) throws XMLStreamException {
		// nearly always one run: join only when there are more, a large table has a million of these
		String text = "";
		StringBuilder runs = null;
		int skipDepth = 0;
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if (skipDepth > 0 || "rPh".equals(name)) {
					skipDepth++;
				}
				else if ("t".equals(name)) {
					String run = xml.getElementText();
					if (text.isEmpty()) {
						text = run;
					}
					else {
						runs = runs == null ? new StringBuilder(text) : runs;
						runs.append(run);
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (skipDepth > 0) {
					skipDepth--;
				}
				else if (element.equals(xml.getLocalName())) {
					return decodeEscapes(runs == null ? text : runs.toString());
				}
			}
		}
	}

	/**
	 * Excel writes characters XML cannot hold (carriage return, other control characters) as _xHHHH_; a literal
	 * "_x" is itself written _x005F_x.
	 */
	static String decodeEscapes(String value) {
		if (value.indexOf("_x") < 0) {
			return value;
		}
		StringBuilder decoded = new StringBuilder(value.length());
		int i = 0;
		while (i < value.length()) {
			if (isEscape(value, i)) {
				decoded.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
				i += 7;
			}
			else {
				decoded.append(value.charAt(i++));
			}
		}
		return decoded.toString();
	}

	private static boolean isEscape(String value, int at) {
		if (at + 7 > value.length() || value.charAt(at) != '_' || value.charAt(at + 1) != 'x'
				|| value.charAt(at + 6) != '_') {
			return false;
		}
		for (int i = at + 2; i < at + 6; i++) {
			if (Character.digit(value.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}
}
