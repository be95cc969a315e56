package com.pinbatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import com.pinbatch.cli.PinbatchApplication;
import com.pinbatch.job.InputParameters;
import com.pinbatch.job.PinImportJobConfiguration;
import com.pinbatch.job.RunKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A team's history outgrows one page within weeks (every night's file, every review): the older runs are a link
 * away, not gone from the console.
 */
@SpringBootTest(classes = PinbatchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = "pinbatch.console.sandbox=true")
@AutoConfigureMockMvc
class ConsoleHistoryPagesTests {

	@TempDir
	static Path dataFolder;

	@DynamicPropertySource
	static void dataFolder(DynamicPropertyRegistry registry) {
		registry.add("pinbatch.data-dir", () -> dataFolder.toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JobRepository jobRepository;

	@Test
	void theRunsBeyondThePageAreOnTheNextOne() throws Exception {
		// given: 101 nightly runs, one more than a page holds
		for (int night = 1; night <= UploadSends.LOOKED_BACK + 1; night++) {
			ran("night-" + night + ".csv");
		}

		String newest = page("/history");
		String older = page("/history?page=2");

		assertThat(newest).contains("night-101.csv", "night-2.csv").doesNotContain("night-1.csv<")
			.contains("id=\"older\" href=\"/history?page=2\"").doesNotContain("id=\"newer\"");
		assertThat(older).contains("night-1.csv<").doesNotContain("night-2.csv")
			.contains("id=\"newer\" href=\"/history?page=1\"").doesNotContain("id=\"older\"");
	}

	private void ran(String file) {
		JobParameters parameters = new JobParametersBuilder()
			.addString(InputParameters.INPUT_FILE, dataFolder.resolve(file).toString())
			.addString(InputParameters.BY, "host build-1")
			.addString(RunKey.PARAMETER, file)
			.toJobParameters();
		JobExecution execution = jobRepository.createJobExecution(
				jobRepository.createJobInstance(PinImportJobConfiguration.JOB_NAME, parameters), parameters,
				new ExecutionContext());
		execution.setStatus(BatchStatus.COMPLETED);
		jobRepository.update(execution);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
