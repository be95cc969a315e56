package com.pinbatch.sandbox;

/** Bytes received on a presigned upload URL. */
public record SandboxUpload(String key, String contentType, long bytes) {
}
