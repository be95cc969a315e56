package com.pinbatch.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The web console's parts ({@code --serve}); a command-line run, which is no web application, has none of them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({ ConsoleSecurity.class, ConsoleAddress.class, ConsoleRuns.class, LiveRows.class, Uploads.class,
		UploadSends.class, UploadRetention.class, WaitingSends.class, UploadSizeGuard.class, LoginPage.class,
		UploadPage.class, ReviewPage.class, WatchPage.class, HistoryPage.class })
public class ConsoleConfiguration {

}
