package com.pinbatch.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploaded media kept in the job repository's database, next to Spring Batch's tables, so the content hash -> URL
 * mapping survives a crash, a restart and a {@code --retry-failed} run. Zernio keeps presigned uploads under
 * {@code temp/}, so the upload time is recorded too, for a later decision on how long a URL may be reused.
 * <p>
 * An upload is recorded in a transaction of its own, committed at once: uploads happen while a chunk is processed,
 * and a chunk that rolls back (the run stopped) must not take the record of a done upload with it.
 */
public class JdbcUploadedMediaStore implements UploadedMediaStore {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	/** On the table of the migrations (PinbatchSchema). */
	public JdbcUploadedMediaStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Optional<String> findPublicUrl(String contentSha256) {
		List<String> urls = jdbc.queryForList(
				"SELECT PUBLIC_URL FROM PINBATCH_MEDIA_UPLOAD WHERE CONTENT_SHA256 = ?", String.class, contentSha256);
		return urls.stream().findFirst();
	}

	@Override
	public void remember(String contentSha256, String publicUrl, Instant uploadedAt) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.update(
					"INSERT INTO PINBATCH_MEDIA_UPLOAD (CONTENT_SHA256, PUBLIC_URL, UPLOADED_AT_MS) VALUES (?, ?, ?)",
					contentSha256, publicUrl, uploadedAt.toEpochMilli()));
		}
		catch (DuplicateKeyException alreadyRecorded) {
			// another process uploaded the same bytes meanwhile; its URL is as good as ours
		}
	}
}
