package com.pinbatch.console;

import java.security.Principal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The login form (when users are configured); and who is logged in, for every page's header. */
@ConsolePage
@ControllerAdvice
class LoginPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@ModelAttribute
	void user(Principal principal, Model model) {
		model.addAttribute("consoleUser", principal == null ? null : principal.getName());
	}
}
