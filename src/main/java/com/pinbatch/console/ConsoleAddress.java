package com.pinbatch.console;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.pinbatch.net.PublicAddresses;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Where the console listens. It is safe by default: loopback only, unless {@code server.address} says otherwise, and
 * then only with users to log in.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleAddress {

	/** An IPv4 or IPv6 address written out (brackets removed), as opposed to a name. */
	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final Environment environment;

	ConsoleAddress(Environment environment) {
		this.environment = environment;
	}

	/** The address to open in a browser, e.g. {@code http://127.0.0.1:8080/} (once the server listens). */
	public String url() {
		String host = address(environment);
		if (host.contains(":")) {
			host = "[" + host + "]";
		}
		return (https() ? "https://" : "http://") + host + ":" + environment.getProperty("local.server.port") + "/";
	}

	/**
	 * What to say at start when people reach the console over the network in plain http (their logins and pages
	 * cross it readable), or null: on loopback, or with a certificate ({@code server.ssl.*}).
	 */
	public String plainHttpWarning() {
		String address = address(environment);
		if (PublicAddresses.isLoopback(address) || https()) {
			return null;
		}
		return "note: the console is open to the network on " + address + " in plain http: logins and pages cross it"
				+ " readable; give it a certificate (--server.ssl.certificate=cert.pem"
				+ " --server.ssl.certificate-private-key=key.pem), or serve it through a reverse proxy that ends https";
	}

	/** Whether Spring Boot serves https: TLS enabled (its default) and a certificate or key store given. */
	private boolean https() {
		return environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (environment.containsProperty("server.ssl.certificate")
						|| environment.containsProperty("server.ssl.key-store")
						|| environment.containsProperty("server.ssl.bundle"));
	}

	/**
	 * Without users to log in (run before the server starts): refuses to start on an address others can reach, and
	 * takes no {@code X-Forwarded-*} header. A page in the user's browser may send those to loopback, and the host it
	 * names would pass the console's check of the name it is asked by ({@link #isLoopbackName}).
	 */
	public static ApplicationListener<ApplicationEnvironmentPreparedEvent> guardWithoutUsers() {
		return event -> {
			ConfigurableEnvironment environment = event.getEnvironment();
			boolean users = !Binder.get(environment)
				.bind("pinbatch.console.users", Bindable.listOf(ConsoleProperties.User.class))
				.orElse(List.of())
				.isEmpty();
			if (users) {
				return;
			}
			String address = address(environment);
			if (!PublicAddresses.isLoopback(address)) {
				throw new ConsoleRefusedException("the console would listen on " + address + ", which other machines"
						+ " can reach, and no user is configured to log in: add pinbatch.console.users[0].name and"
						+ " pinbatch.console.users[0].password-hash (a bcrypt hash) to a config file, or leave"
						+ " --server.address out to listen on 127.0.0.1 only");
			}
			environment.getPropertySources()
				.addFirst(new MapPropertySource("console-without-logins", Map.of("server.forward-headers-strategy",
						"none")));
		};
	}

	/**
	 * {@code server.address} as the server takes it: loopback when not given (pinbatch's default), every interface
	 * when given blank ({@code --server.address=}: Spring Boot then binds no address in particular).
	 */
	private static String address(Environment environment) {
		String address = environment.getProperty("server.address", "127.0.0.1").strip();
		return address.isEmpty() ? "0.0.0.0" : address;
	}

	/**
	 * Whether a request's host name (its Host header) is this machine's loopback as only its own user can name it:
	 * {@code localhost} or a loopback address written out. Any other name is refused by a console without logins,
	 * even one that resolves to loopback: a web page whose name its owner points at 127.0.0.1 (DNS rebinding) would
	 * otherwise use the console, with the key, from the user's own browser.
	 */
	static boolean isLoopbackName(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		if (bare.equalsIgnoreCase("localhost")) {
			return true;
		}
		// an address written out is parsed, never looked up; a name is not resolved at all
		return ADDRESS_LITERAL.matcher(bare).matches() && PublicAddresses.isLoopback(bare);
	}
}
