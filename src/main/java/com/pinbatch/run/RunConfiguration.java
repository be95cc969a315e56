package com.pinbatch.run;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What front ends launch runs and follow-ups through and read their outcomes from, with Zernio's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ZernioProperties.class, SandboxProperties.class })
@Import({ ApiSessions.class, RequestedInputs.class, InputOutcomes.class, PinImportRuns.class, FollowUpRuns.class,
		JobRepositoryPruner.class })
public class RunConfiguration {

}
