package com.pinbatch.cli;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring's own report of a failed start is left out: the command tells each in one line, the key hidden
 * ({@code PinbatchApplication}). Spring printed it with the logging of before the settings, which hides nothing: a
 * configuration file that failed to load, its placeholders filled in, showed the key on the screen.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartFailuresToldByTheCommand implements SpringBootExceptionReporter {

	@Override
	public boolean reportException(Throwable failure) {
		return true;
	}
}
