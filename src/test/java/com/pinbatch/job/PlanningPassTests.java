package com.pinbatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.pinbatch.input.InputOptions;
import com.pinbatch.job.PlanningPass.RowRef;
import com.pinbatch.pin.ColumnMapping;
import com.pinbatch.pin.DateOrder;
import com.pinbatch.pin.ValidationSettings;
import com.pinbatch.plan.WhenNoDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PlanningPassTests {

	/** Dates as sheets write them: some settle the order (13/02), some read both ways (03/04), some neither way. */
	private static final List<String> DATES = List.of("", "2027-03-04 10:00", "03/04/2027", "04/03/2027 18:30",
			"13/02/2027", "02/13/2027 9:00", "05/05/2027", "03.04.2027", "13.02.2027 10:00", "12/01/2027",
			"01/12/2027", "01/12/2026", "12/11/2026", "3/4/27", "31/04/2027", "04/31/2027", "not a date",
			"2027-03-04T10:00:00Z", "Mar 4, 2027", "03/04/2027 25:00");

	@TempDir
	Path dir;

	@Test
	void theRowsCollectedWhileTheSurveyReadsAreThoseOfTheDateOrderItSettles() throws IOException {
		Random random = new Random(14);
		List<DateOrder> settledOrders = new ArrayList<>();
		for (int sheet = 0; sheet < 300; sheet++) {
			// a few dates each, so that every order is settled by some sheets and contradicted by others
			List<String> dates = new ArrayList<>();
			for (int row = 0, rows = 1 + random.nextInt(6); row < rows; row++) {
				dates.add(DATES.get(random.nextInt(DATES.size())));
			}
			Path file = pins(sheet, dates);
			ValidationSettings settings = new ValidationSettings(ZoneOffset.UTC, null, null, null, dir, null);

			PlanningPass.Collector whileSurveying = collector(settings);
			InputInspector.Survey survey = InputInspector.inspect(file, InputOptions.defaults(),
					ColumnMapping.defaults(), settings, true, whileSurveying, null);
			DateOrder settled = survey.validation().dateOrder();
			PlanningPass.Collected collected = whileSurveying.collected(settled);

			// then: what a second read with the settled order finds
			PlanningPass.Collector secondRead = collector(settings.withDateOrder(settled));
			InputInspector.inspect(file, InputOptions.defaults(), ColumnMapping.defaults(),
					settings.withDateOrder(settled), true, secondRead, null);
			PlanningPass.Collected expected = secondRead.collected(settled);
			assertThat(list(collected.rows())).as("%s, settled %s", dates, settled)
				.containsExactlyElementsOf(list(expected.rows()));
			assertThat(collected.media()).as("%s", dates).containsExactlyInAnyOrderElementsOf(expected.media());
			settledOrders.add(settled);
		}
		assertThat(settledOrders).contains(DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST, DateOrder.AMBIGUOUS);
	}

	private static PlanningPass.Collector collector(ValidationSettings settings) {
		return new PlanningPass.Collector(settings, EarlierPins.identities(settings, WhenNoDate.NOW), true, true);
	}

	private Path pins(int sheet, List<String> dates) throws IOException {
		StringBuilder csv = new StringBuilder("title,description,media_url,board,account,publish_at\n");
		for (int row = 0; row < dates.size(); row++) {
			csv.append("Pin ").append(row).append(",About pin ").append(row).append(",https://images.example.com/")
				.append(sheet).append('/').append(row).append(".jpg,Kitchen Ideas,acme-home,\"").append(dates.get(row))
				.append("\"\n");
		}
		return Files.writeString(dir.resolve("sheet-" + sheet + ".csv"), csv);
	}

	private static List<RowRef> list(PlanRows rows) {
		List<RowRef> list = new ArrayList<>();
		rows.forEach(list::add);
		return list;
	}
}
