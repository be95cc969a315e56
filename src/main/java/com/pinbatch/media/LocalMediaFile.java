package com.pinbatch.media;

import java.nio.file.Path;

/** A local media file that passed the checks: its format by content, and its size in bytes. */
record LocalMediaFile(Path path, MediaFormat format, long size) {
}
