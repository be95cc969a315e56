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
					return XlsxTextEscapes.decode(runs == null ? text : runs.toString());
				}
			}
		}
	}
}
