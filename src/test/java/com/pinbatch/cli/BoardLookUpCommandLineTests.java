package com.pinbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.pinbatch.sandbox.RecordedRequest;

import org.junit.jupiter.api.Test;

/**
 * The accounts and boards a file names are looked up on Zernio once, all before the first pin is sent, so sending
 * never stops for a look-up; what a row finds (a board that does not exist) is still that row's outcome.
 */
class BoardLookUpCommandLineTests extends SandboxedCommandLine {

	@Test
	void everyAccountAndBoardIsLookedUpBeforeTheFirstPinIsSent() throws IOException {
		// given: accounts by username, by board name only and by board id; chunks of two rows, so that looking up
		// on first need would look up between sends
		Path input = Files.writeString(dir.resolve("pins.csv"), """
				title,description,media_url,board,link,account
				Oak shelves,Open oak shelves for a small kitchen.,https://images.example.com/1.jpg,Kitchen Ideas,https://www.example.com/1,acme-home
				Tiled splashback,A tiled splashback in blue.,https://images.example.com/2.jpg,Kitchen Ideas,https://www.example.com/2,acme-home
				Herb box,Herbs in a box on the rail.,https://images.example.com/3.jpg,Balcony Plants,https://www.example.com/3,acme-garden
				Climbing roses,Roses up a balcony wall.,https://images.example.com/4.jpg,Balcony Plants,https://www.example.com/4,acme-garden
				Overnight oats,Oats soaked overnight with apple.,https://images.example.com/5.jpg,Quick Breakfasts,https://www.example.com/5,acme-recipes
				Bean stew,A stew of beans for a cold evening.,https://images.example.com/6.jpg,918273645500000022,https://www.example.com/6,acme-recipes
				Raised bed,A raised bed from old boards.,https://images.example.com/7.jpg,Garden Projects,https://www.example.com/7,
				Pantry door,Storage on the back of a door.,https://images.example.com/8.jpg,Kitchen Idea,https://www.example.com/8,acme-home
				""", StandardCharsets.UTF_8);

		// when
		CommandLineRun run = run("--input=" + input, "--pinbatch.chunk-size=2");

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
		Map<String, String> outcomes = ResultRows.read(dir.resolve("pins.results.csv")).stream()
			.collect(Collectors.toMap(row -> row.get("row"), row -> row.get("status") + " " + row.get("error_code")));
		assertThat(outcomes).containsEntry("2", "PUBLISHED ").containsEntry("3", "PUBLISHED ")
			.containsEntry("4", "PUBLISHED ").containsEntry("5", "PUBLISHED ").containsEntry("6", "PUBLISHED ")
			.containsEntry("7", "PUBLISHED ").containsEntry("8", "PUBLISHED ").containsEntry("9", "INVALID board_not_found");
		List<RecordedRequest> requests = sandbox.requests();
		List<RecordedRequest> lookUps = requests.stream().filter(BoardLookUpCommandLineTests::isLookUp).toList();
		assertThat(lookUps).extracting(RecordedRequest::path).doesNotHaveDuplicates()
			.contains("/api/v1/accounts/65f1a2b3c4d5e6f708091a01/pinterest-boards",
					"/api/v1/accounts/65f1a2b3c4d5e6f708091a02/pinterest-boards",
					"/api/v1/accounts/65f1a2b3c4d5e6f708091a03/pinterest-boards");
		assertThat(requests.indexOf(lookUps.get(lookUps.size() - 1))).isLessThan(requests.indexOf(creates().get(0)));
		assertThat(run.out()).contains("plan: accounts and boards looked up before the first pin: 4 Pinterest accounts,"
				+ " the boards of 3 (4 requests to Zernio)");
	}

	private static boolean isLookUp(RecordedRequest request) {
		return request.method().equals("GET") && request.path().startsWith("/api/v1/accounts");
	}
}
