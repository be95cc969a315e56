package com.pinbatch.job;

import com.pinbatch.throttle.PacedSender;
import com.pinbatch.zernio.BoardDirectory;
import com.pinbatch.zernio.ZernioClient;

/** The Zernio side of one run: the client, its cached boards and accounts, and the paced sender. */
public record ApiSession(ZernioClient client, BoardDirectory boards, PacedSender sender) {
}
