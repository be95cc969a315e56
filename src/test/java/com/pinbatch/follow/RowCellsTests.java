package com.pinbatch.follow;

import java.util.List;

import com.pinbatch.input.InputRow;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.PinDraft;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowCellsTests {

	private static final List<String> HEADERS = List.of("title", "description", "media_url", "board", "notes");

	@Test
	void aRowsMarkIsOfItsPinsCellsOnly() {
		String mark = RowCells.mark(draft(HEADERS, List.of("Oak", "Shelf", "https://images.example.com/a.jpg",
				"Kitchen", "first draft")));

		// a note changed, a column of the user's own added in front: the same pin
		assertThat(RowCells.mark(draft(HEADERS, List.of("Oak", "Shelf", "https://images.example.com/a.jpg",
				"Kitchen", "checked by Ann")))).isEqualTo(mark);
		assertThat(RowCells.mark(draft(List.of("reviewer", "title", "description", "media_url", "board", "notes"),
				List.of("Ann", "Oak", "Shelf", "https://images.example.com/a.jpg", "Kitchen", "first draft"))))
			.isEqualTo(mark);
		// a pin cell changed: another pin
		assertThat(RowCells.mark(draft(HEADERS, List.of("Oak", "Shelf", "https://images.example.com/b.jpg",
				"Kitchen", "first draft")))).isNotEqualTo(mark);
	}

	private static PinDraft draft(List<String> headers, List<String> cells) {
		return ColumnMapping.defaults().bind(headers).draft(new InputRow(2, headers, cells));
	}
}
