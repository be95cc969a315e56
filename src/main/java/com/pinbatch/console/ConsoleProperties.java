package com.pinbatch.console;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web console's users ({@code pinbatch.console.users[N].name} and {@code .password-hash}, a bcrypt hash, e.g.
 * from {@code htpasswd -bnBC 12 "" PASSWORD | tr -d ':'}). With users, every page asks for a login; without them the
 * console only listens on loopback.
 *
 * @param sandbox     the console's runs go to the built-in Zernio sandbox ({@code --serve --sandbox} sets it)
 * @param keepUploads how long an upload nothing happened to is kept (its file and result files); 0: for ever
 */
@ConfigurationProperties("pinbatch.console")
@Validated
public record ConsoleProperties(@DefaultValue List<@Valid User> users, boolean sandbox,
		@DefaultValue("30d") Duration keepUploads) {

	/** One person who may log in; the password is only ever held as its bcrypt hash. */
	public record User(
			// the console's owner without logins: a login of that name would be given their uploads and history
			@NotBlank @Pattern(regexp = "(?!" + Owner.LOCAL + "$).*", message = "is the name the console gives its one"
					+ " user without logins: choose another") String name,
			@NotBlank @Pattern(regexp = "\\$2[aby]?\\$\\d\\d\\$.{53}", message = "must be a bcrypt hash ($2a$...)") String passwordHash) {
	}
}
