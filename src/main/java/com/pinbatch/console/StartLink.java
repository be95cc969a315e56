package com.pinbatch.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A console without logins lets in only the browser opened with the link it prints at start: loopback alone let in
 * every account of a shared machine, which could send pins with the owner's key and read their result files. The link
 * carries a random token; opening it leaves a cookie with the token in that browser (its other tabs included) and
 * goes on to the page without it. A new start makes a new token.
 */
public final class StartLink extends OncePerRequestFilter {

	static final String COOKIE = "pinbatch-console";

	static final String PARAMETER = "token";

	private final String token;

	private StartLink(String token) {
		this.token = token;
	}

	static StartLink random() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return new StartLink(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The query that lets a browser in, appended to the console's address. */
	String query() {
		return "?" + PARAMETER + "=" + token;
	}

	/** The cookie a browser let in carries: a test's requests carry it as that browser's would. */
	public Cookie cookie() {
		return new Cookie(COOKIE, token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesToken(request) || isStyleOrScript(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		// the query string alone: a form's body is not read for it
		String offered = tokenInQuery(request.getQueryString());
		if ("GET".equals(request.getMethod()) && offered != null && same(offered)) {
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token).httpOnly(true)
				.sameSite("Strict").path("/").secure(request.isSecure()).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.sendRedirect(request.getRequestURI());
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("text/plain;charset=UTF-8");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getWriter().println("pinbatch: this console lets in only a browser opened with the link it printed"
				+ " when it started (pinbatch: console on http://127.0.0.1:PORT/?token=...): open that link; a console"
				+ " started again prints a new one");
	}

	private boolean carriesToken(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && same(cookie.getValue())) {
					return true;
				}
			}
		}
		return false;
	}

	/** The console's own style sheet and script: the same for everyone, and the refusal needs none. */
	private static boolean isStyleOrScript(String path) {
		return path.startsWith("/console/") || path.startsWith("/webjars/");
	}

	private static String tokenInQuery(String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(PARAMETER + "=")) {
				return pair.substring(PARAMETER.length() + 1);
			}
		}
		return null;
	}

	/** Compared in constant time: how long a wrong token took must not tell how much of it was right. */
	private boolean same(String offered) {
		return offered != null && MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}
}
