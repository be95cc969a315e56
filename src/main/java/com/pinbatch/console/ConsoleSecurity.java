package com.pinbatch.console;

import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may use the console and what the browser may do with its pages. With users configured every page needs a
 * login (form login, bcrypt hashes from configuration); without users the console only ever listens on loopback
 * ({@link ConsoleAddress}) and answers only the account that started it ({@link LocalUserOnly}). CSRF tokens guard
 * every form either way, and the Content-Security-Policy lets a page run only the console's own script and load
 * images (the pins' thumbnails) but nothing else from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
			+ " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleProperties settings, Environment environment)
			throws Exception {
		if (settings.users().isEmpty()) {
			http.addFilterBefore(new LocalUserOnly(environment), AuthorizationFilter.class);
			http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		}
		else {
			// the error page too: a refused address (say //evil.example/) met before login was otherwise kept as the
			// page to return to, and the login then led to the error page
			http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/console/**", "/webjars/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated());
			http.formLogin(login -> login.loginPage("/login").permitAll());
			// a part of a page (htmx) is never the page to return to after the login: its page is
			// (nor is the icon a browser asks for while the login page loads: the login then led to it)
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			HttpSessionRequestCache pages = new HttpSessionRequestCache();
			pages.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
					new NegatedRequestMatcher(PartialPageLogin.PART_OF_A_PAGE),
					new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/favicon.*"), paths.matcher("/error"),
							paths.matcher("/console/**"), paths.matcher("/webjars/**"),
							request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))))));
			http.requestCache(cache -> cache.requestCache(pages));
			LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> parts = new LinkedHashMap<>();
			parts.put(PartialPageLogin.PART_OF_A_PAGE, new PartialPageLogin());
			DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(parts);
			entry.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
			http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entry));
			http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		}
		http.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(POLICY)));
		return http.build();
	}

	/**
	 * Without logins, only requests that name the console by a loopback name (see
	 * {@link ConsoleAddress#isLoopbackName}); Spring Security's firewall answers others 400 before any page. With
	 * logins, any name: the console may then be reached through a reverse proxy under the site's own name.
	 */
	@Bean
	StrictHttpFirewall consoleFirewall(ConsoleProperties settings) {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		if (settings.users().isEmpty()) {
			firewall.setAllowedHostnames(ConsoleAddress::isLoopbackName);
		}
		return firewall;
	}

	/**
	 * A request the firewall refuses gets one line saying why instead of an empty page: most often a console without
	 * logins asked by a name of its own (an alias in the hosts file), which it must not answer.
	 */
	@Bean
	RequestRejectedHandler consoleRefusal(ConsoleProperties settings) {
		return (request, response, refused) -> {
			String host = request.getServerName();
			String why = settings.users().isEmpty() && host != null && !ConsoleAddress.isLoopbackName(host)
					? "this console has no logins, so it answers only when opened as http://localhost:"
							+ request.getLocalPort() + "/ or http://127.0.0.1:" + request.getLocalPort()
							+ "/ (under another name, a web page could use it from your browser)"
					: "the address is not one the console serves; open its start page";
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("text/plain;charset=UTF-8");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.getWriter().println("pinbatch: refused: " + why);
		};
	}

	/** The configured users; none is also an answer (Spring Boot would otherwise invent one and log its password). */
	@Bean
	InMemoryUserDetailsManager consoleUsers(ConsoleProperties settings) {
		List<UserDetails> users = settings.users()
			.stream()
			.map(user -> User.withUsername(user.name()).password(user.passwordHash()).roles("USER").build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	PasswordEncoder consolePasswords() {
		return new BCryptPasswordEncoder();
	}
}
