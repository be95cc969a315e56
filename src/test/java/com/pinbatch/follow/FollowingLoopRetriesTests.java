package com.pinbatch.follow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.pinbatch.concurrent.Pause;
import com.pinbatch.result.RowResult;
import com.pinbatch.result.RowResultStore;
import com.pinbatch.result.RowStatus;
import com.pinbatch.schema.PinbatchSchema;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import tools.jackson.databind.json.JsonMapper;

/** The retries a round spends are kept, in the job repository, whatever becomes of the round. */
class FollowingLoopRetriesTests {

	private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

	@RegisterExtension
	static final WireMockExtension zernio = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void aRetrySentByARoundThatNeverEndsIsKept() throws Exception {
		// given: a post Pinterest refused for a passing reason, and a run that dies once its retry is sent (the
		// connection goes with it: as kill -9 during the round)
		zernio.stubFor(get(urlPathEqualTo("/api/v1/posts/p-1")).willReturn(okJson("""
				{"post":{"_id":"p-1","status":"failed","platforms":[{"platform":"pinterest","status":"failed",
				 "errorMessage":"Pinterest is temporarily unavailable.","errorCategory":"platform_error",
				 "errorSource":"platform"}]}}""")));
		zernio.stubFor(post(urlPathEqualTo("/api/v1/posts/p-1/retry"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl("jdbc:hsqldb:mem:retries" + System.nanoTime());
		dataSource.setUser("SA");
		PinbatchSchema.migrate(dataSource);
		RowResultStore store = new RowResultStore(dataSource);
		FollowingLoop loop = new FollowingLoop("followUp.", new FollowProperties(Duration.ofMinutes(2),
				Duration.ofSeconds(3), 2), Clock.fixed(NOW, ZoneOffset.UTC), FollowingLoop.Budget.ONCE, true, store,
				Pause.thread());
		StepExecution step = MetaDataInstanceFactory.createStepExecution("followUp", 1L);
		RowResult created = new RowResult(2, RowStatus.CREATED, "p-1", null, null, null, 1, "req-2",
				NOW.minusSeconds(60), null);

		// when
		Throwable ended = catchThrowable(() -> loop.next(step, client(), List.of(new PinFollower.Followed("2",
				created, "acct-a", NOW.minusSeconds(60), 0))));

		// then: the retry went out and counts against the post's two (before: kept at the round's end, which never
		// came; the next run retried the post again, past the two allowed)
		zernio.verify(postRequestedFor(urlPathEqualTo("/api/v1/posts/p-1/retry")));
		assertThat(ended).as("the round ended with the connection").isNotNull();
		assertThat(store.publishRetries(List.of("p-1"))).containsEntry("p-1", 1);
	}

	private static ZernioClient client() {
		return new ZernioClient(new ZernioClientSettings(URI.create(zernio.baseUrl() + "/api"), "sk_test",
				Duration.ofSeconds(2), Duration.ofSeconds(5)), JsonMapper.builder().build());
	}
}
