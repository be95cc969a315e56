package com.pinbatch.console;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses an upload larger than the console takes before anything reads it. Without this, the container gives up
 * parsing the form, the CSRF check then finds no token, and the person sees "Forbidden" instead of the reason; here
 * they are sent back to the upload page, which says the limit in one line. Judged by the request's length, so a file
 * within a few hundred bytes of the limit may be refused too (the form's other fields count).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadSizeGuard extends OncePerRequestFilter {

	/** The upload page's query telling it to say why the last upload was refused. */
	static final String REFUSED = "refused";

	static final String TOO_LARGE = "too-large";

	private final DataSize maxFileSize;

	UploadSizeGuard(MultipartProperties multipart) {
		this.maxFileSize = multipart.getMaxFileSize();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (maxFileSize != null && maxFileSize.toBytes() >= 0 && "POST".equals(request.getMethod())
				&& request.getContentType() != null && request.getContentType().startsWith("multipart/")
				&& request.getContentLengthLong() > maxFileSize.toBytes()) {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", request.getContextPath() + "/?" + REFUSED + "=" + TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}
}
