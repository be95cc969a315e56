package com.pinbatch.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pinbatch.media-check.*}: how --check-media may reach media URLs.
 *
 * @param allowPrivateAddresses also ask loopback, private and link-local addresses (media on a company network);
 *                              off, a cell could otherwise make pinbatch probe the machine's own network
 */
@ConfigurationProperties("pinbatch.media-check")
public record MediaCheckProperties(@DefaultValue("false") boolean allowPrivateAddresses) {
}
