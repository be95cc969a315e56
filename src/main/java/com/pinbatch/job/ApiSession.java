package com.pinbatch.job;

import com.pinbatch.media.LocalMediaUploader;
import com.pinbatch.throttle.PacedSender;
import com.pinbatch.zernio.BoardDirectory;
import com.pinbatch.zernio.ZernioClient;

/**
 * The Zernio side of one run: the client, its cached boards and accounts, the paced sender, the uploader of local
 * media files, and whether all of it is the sandbox's (its pins are a rehearsal's, marked so by their request ids).
 */
public record ApiSession(ZernioClient client, BoardDirectory boards, PacedSender sender, LocalMediaUploader media,
		boolean sandbox) {
}
