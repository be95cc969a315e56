package com.pinbatch.console;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A part of a page refreshing itself (htmx: the watch page's progress) when the login has lapsed (the session ended,
 * the console was restarted): the whole page goes to log in, and comes back after. Redirected like a page, the part
 * swapped the login form into the page, and the login then led to the bare part.
 */
final class PartialPageLogin implements AuthenticationEntryPoint {

	/** The header htmx sends with the requests it makes for a part of the page. */
	static final RequestMatcher PART_OF_A_PAGE = request -> request.getHeader("HX-Request") != null;

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
			throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		// htmx loads this in the whole window: the page asks for the login, kept as the page to come back to
		response.setHeader("HX-Redirect", pageOf(request.getHeader("HX-Current-URL")));
	}

	/** The path of the page the part is in (never another site), else the start page. */
	static String pageOf(String currentUrl) {
		if (currentUrl == null) {
			return "/";
		}
		try {
			URI page = new URI(currentUrl);
			String path = page.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}
}
