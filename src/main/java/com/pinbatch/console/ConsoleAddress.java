package com.pinbatch.console;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the console listens. It is safe by default: loopback only, unless {@code server.address} says otherwise, and
 * then only with users to log in.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleAddress {

	private final Environment environment;

	ConsoleAddress(Environment environment) {
		this.environment = environment;
	}

	/** The address to open in a browser, e.g. {@code http://127.0.0.1:8080/} (once the server listens). */
	public String url() {
		String host = environment.getProperty("server.address", "127.0.0.1");
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
		String address = environment.getProperty("server.address", "127.0.0.1");
		if (isLoopback(address) || https()) {
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

	/** Refuses to start on an address others can reach when no user is configured (run before the server starts). */
	public static ApplicationListener<ApplicationEnvironmentPreparedEvent> refuseOpenWithoutUsers() {
		return event -> {
			Environment environment = event.getEnvironment();
			String address = environment.getProperty("server.address", "127.0.0.1");
			boolean users = !Binder.get(environment)
				.bind("pinbatch.console.users", Bindable.listOf(ConsoleProperties.User.class))
				.orElse(java.util.List.of())
				.isEmpty();
			if (!isLoopback(address) && !users) {
				throw new ConsoleRefusedException("the console would listen on " + address + ", which other machines"
						+ " can reach, and no user is configured to log in: add pinbatch.console.users[0].name and"
						+ " pinbatch.console.users[0].password-hash (a bcrypt hash) to a config file, or leave"
						+ " --server.address out to listen on 127.0.0.1 only");
			}
		};
	}

	static boolean isLoopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false; // it cannot be checked: treated as open to others
		}
	}
}
