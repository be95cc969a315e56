package com.pinbatch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.pinbatch.pin.MediaKind;
import com.pinbatch.sandbox.SandboxSettings;
import com.pinbatch.sandbox.SandboxUpload;
import com.pinbatch.sandbox.ZernioSandbox;
import com.pinbatch.schema.PinbatchSchema;
import com.pinbatch.zernio.ZernioClient;
import com.pinbatch.zernio.ZernioClientSettings;

import tools.jackson.databind.json.JsonMapper;

class LocalMediaUploaderTests {

	@TempDir
	Path dir;

	private ZernioSandbox sandbox;

	private ZernioClient zernio;

	@BeforeEach
	void startSandbox() {
		sandbox = ZernioSandbox.start(SandboxSettings.defaults());
		zernio = new ZernioClient(new ZernioClientSettings(URI.create(sandbox.baseUrl()), ZernioSandbox.API_KEY,
				Duration.ofSeconds(2), Duration.ofSeconds(5)), JsonMapper.builder().build());
	}

	@AfterEach
	void stopSandbox() {
		sandbox.close();
	}

	private LocalMediaUploader uploader(UploadedMediaStore store) {
		return new LocalMediaUploader(zernio, store, Clock.systemUTC());
	}

	/**
	 * Someone who may write in the input's folder swaps the checked file for a link to a file outside it between the
	 * check and the upload (here: while the uploads already made are looked up). Before: the upload opened the name
	 * again, followed the link and sent the outside file.
	 */
	@Test
	void aLinkSwappedInAfterTheCheckIsNotFollowedAndNothingIsSent() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		Path secret = Files.writeString(Files.createTempDirectory("outside").resolve("id_rsa"), "PRIVATE KEY");
		LocalMediaUploader uploader = uploader(swappingAtLookUp(() -> {
			Path link = Files.createSymbolicLink(dir.resolve("photo.jpg.new"), secret);
			Files.move(link, photo, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}));

		assertThatThrownBy(() -> uploader.publicUrlFor(photo, MediaKind.IMAGE, dir))
			.isInstanceOf(MediaRejectedException.class);
		assertThat(sandbox.uploads()).isEmpty();
	}

	/**
	 * The same with a folder above the file: swapped for a link to a folder outside (attacker review; there the outside
	 * file was a key, swapped in before the file was hashed). Here the outside file is a copy of the checked one, so
	 * its bytes alone would pass: the upload must not follow the link at all. Before: it followed it and sent the copy.
	 */
	@Test
	void aFolderSwappedForALinkAfterTheCheckIsNotFollowedAndNothingIsSent() throws IOException {
		Path photos = Files.createDirectory(dir.resolve("photos"));
		Path photo = MediaSamples.write(photos, "photo.jpg", MediaSamples.JPEG, "sofa");
		Path outside = Files.createTempDirectory("outside");
		Files.copy(photo, outside.resolve("photo.jpg"));
		LocalMediaUploader uploader = uploader(swappingAtLookUp(() -> {
			Files.move(photos, dir.resolve("photos.old"), StandardCopyOption.ATOMIC_MOVE);
			Files.createSymbolicLink(photos, outside);
		}));

		assertThatThrownBy(() -> uploader.publicUrlFor(photo, MediaKind.IMAGE, dir))
			.isInstanceOf(MediaRejectedException.class);
		assertThat(sandbox.uploads()).isEmpty();
	}

	@Test
	void aFileReplacedAfterTheCheckIsNotSent() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		Path other = Files.writeString(dir.resolve("other.txt"), "not the picture checked");
		LocalMediaUploader uploader = uploader(swappingAtLookUp(() -> Files.move(other, photo,
				StandardCopyOption.REPLACE_EXISTING)));

		assertThatThrownBy(() -> uploader.publicUrlFor(photo, MediaKind.IMAGE, dir))
			.isInstanceOf(MediaRejectedException.class)
			.hasMessageContaining("changed while this run used it");
		assertThat(sandbox.uploads()).isEmpty();
	}

	/** A file change to make between the check and the upload. */
	private interface Swap {

		void run() throws IOException;
	}

	/** A store of no earlier uploads that makes the swap when asked for one: after the check, before the upload. */
	private static UploadedMediaStore swappingAtLookUp(Swap swap) {
		return new InMemoryUploadedMediaStore() {

			@Override
			public Optional<String> findPublicUrl(String contentSha256) {
				try {
					swap.run();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				return Optional.empty();
			}
		};
	}

	@Test
	void uploadsALocalJpegOnceAndReturnsItsPublicUrl() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());

		String url = uploader.publicUrlFor(photo, MediaKind.IMAGE, dir);
		String again = uploader.publicUrlFor(photo, MediaKind.IMAGE, dir);

		assertThat(url).startsWith("https://").endsWith("photo.jpg");
		assertThat(again).isEqualTo(url);
		assertThat(sandbox.uploads().values()).singleElement().satisfies(upload -> {
			assertThat(upload.contentType()).isEqualTo("image/jpeg");
			assertThat(upload.bytes()).isEqualTo(Files.size(photo));
			assertThat(url).endsWith(upload.key());
		});
	}

	@Test
	void theSameContentUnderAnotherNameIsNotUploadedAgain() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		Path copy = Files.copy(photo, Files.createDirectory(dir.resolve("other")).resolve("copy-of-photo.jpg"));
		Path different = MediaSamples.write(dir, "lamp.jpg", MediaSamples.JPEG, "lamp");
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());

		String url = uploader.publicUrlFor(photo, MediaKind.IMAGE, dir);

		assertThat(uploader.publicUrlFor(copy, MediaKind.IMAGE, dir)).isEqualTo(url);
		assertThat(uploader.publicUrlFor(different, MediaKind.IMAGE, dir)).isNotEqualTo(url);
		assertThat(sandbox.uploads()).hasSize(2);
	}

	@Test
	void aFileChangedDuringTheRunIsUploadedAgain() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());
		String before = uploader.publicUrlFor(photo, MediaKind.IMAGE, dir);

		Files.write(photo, RealMedia.jpeg("sofa, retouched"));
		Files.setLastModifiedTime(photo, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

		assertThat(uploader.publicUrlFor(photo, MediaKind.IMAGE, dir)).isNotEqualTo(before);
		assertThat(sandbox.uploads()).hasSize(2);
	}

	@Test
	void aRestartWithTheDatabaseStoreDoesNotUploadAgain() throws IOException {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		// a database that outlives the first uploader and its store, as the job repository outlives a process
		String database = "jdbc:hsqldb:mem:media-restart-" + System.nanoTime();

		String url = uploader(databaseStore(dataSource(database))).publicUrlFor(photo, MediaKind.IMAGE, dir);
		// a new process: nothing in memory, a new store over the same database
		String afterRestart = uploader(databaseStore(dataSource(database))).publicUrlFor(photo,
				MediaKind.IMAGE, dir);

		assertThat(afterRestart).isEqualTo(url);
		assertThat(sandbox.uploads()).hasSize(1);
	}

	@Test
	void theDatabaseStoreKeepsTheFirstUrlOfAContent() {
		JDBCDataSource dataSource = dataSource("jdbc:hsqldb:mem:media-store-" + System.nanoTime());
		JdbcUploadedMediaStore store = databaseStore(dataSource);
		String hash = "a".repeat(64);

		store.remember(hash, "https://media.example/first.jpg", Instant.EPOCH);
		store.remember(hash, "https://media.example/second.jpg", Instant.EPOCH);

		assertThat(databaseStore(dataSource).findPublicUrl(hash))
			.contains("https://media.example/first.jpg");
		assertThat(store.findPublicUrl("b".repeat(64))).isEmpty();
	}

	@Test
	void twoThreadsWithTheSameContentUploadOnce() throws Exception {
		Path photo = MediaSamples.write(dir, "photo.jpg", MediaSamples.JPEG, "sofa");
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());
		int threads = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> urls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Path copy = Files.copy(photo, dir.resolve("copy-" + i + ".jpg"));
				urls.add(pool.submit(() -> {
					start.await();
					return uploader.publicUrlFor(copy, MediaKind.IMAGE, dir);
				}));
			}
			start.countDown();
			String first = urls.get(0).get();
			for (Future<String> url : urls) {
				assertThat(url.get()).isEqualTo(first);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(sandbox.uploads()).hasSize(1);
	}

	@Test
	void theTypeComesFromTheContentNotTheName() throws IOException {
		Path pngNamedJpg = MediaSamples.write(dir, "photo.jpg", MediaSamples.PNG, "sofa");

		uploader(new InMemoryUploadedMediaStore()).publicUrlFor(pngNamedJpg, MediaKind.IMAGE, dir);

		assertThat(sandbox.uploads().values()).extracting(SandboxUpload::contentType).containsExactly("image/png");
	}

	@Test
	void gifAndWebpAreImages() throws IOException {
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());

		uploader.publicUrlFor(MediaSamples.write(dir, "a.gif", MediaSamples.GIF, "a"), MediaKind.IMAGE, dir);
		uploader.publicUrlFor(MediaSamples.write(dir, "b.webp", MediaSamples.WEBP, "b"), MediaKind.IMAGE, dir);

		assertThat(sandbox.uploads().values()).extracting(SandboxUpload::contentType)
			.containsExactlyInAnyOrder("image/gif", "image/webp");
	}

	@Test
	void aTextFileNamedJpgIsRejectedWithoutUpload() throws IOException {
		Path notAnImage = Files.writeString(dir.resolve("photo.jpg"), "see the attached photo", StandardCharsets.UTF_8);

		assertThatThrownBy(() -> uploader(new InMemoryUploadedMediaStore()).publicUrlFor(notAnImage, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("unsupported_media_type");
				assertThat(rejected.getMessage()).contains(notAnImage.toString())
					.contains("not a JPEG, PNG, WebP, GIF, MP4 or MOV file")
					.contains("convert it");
			});
		assertThat(sandbox.uploads()).isEmpty();
	}

	@Test
	void unsupportedImageFormatsAreNamed() throws IOException {
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());
		Path bmp = MediaSamples.write(dir, "photo.jpg", MediaSamples.BMP, "x");
		Path heic = MediaSamples.write(dir, "photo.heic.jpg", MediaSamples.HEIC, "x");

		assertThatThrownBy(() -> uploader.publicUrlFor(bmp, MediaKind.IMAGE, dir))
			.hasMessageContaining("is a BMP image; Pinterest takes JPEG");
		assertThatThrownBy(() -> uploader.publicUrlFor(heic, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					rejected -> assertThat(rejected.code()).isEqualTo("unsupported_media_type"))
			.hasMessageContaining("HEIC");
		assertThat(sandbox.uploads()).isEmpty();
	}

	@Test
	void anImageOver32MegabytesIsRejectedWithoutUpload() throws IOException {
		Path huge = MediaSamples.sparse(dir, "poster.jpg", MediaSamples.JPEG, 32L * 1024 * 1024 + 1);
		Path justFits = MediaSamples.sparse(dir, "fits.jpg", MediaSamples.JPEG, 32L * 1024 * 1024);
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());

		assertThatThrownBy(() -> uploader.publicUrlFor(huge, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class, rejected -> {
				assertThat(rejected.code()).isEqualTo("media_too_large");
				assertThat(rejected.getMessage()).contains(huge.toString(), "32.0 MB", "images up to 32 MB");
			});
		assertThat(sandbox.uploads()).isEmpty();
		assertThat(uploader.publicUrlFor(justFits, MediaKind.IMAGE, dir)).startsWith("https://");
	}

	@Test
	void aVideoOver2GigabytesIsRejected() throws IOException {
		Path huge = MediaSamples.sparse(dir, "film.mp4", MediaSamples.MP4, 2L * 1024 * 1024 * 1024 + 1);

		assertThatThrownBy(() -> uploader(new InMemoryUploadedMediaStore()).publicUrlFor(huge, MediaKind.VIDEO, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					rejected -> assertThat(rejected.code()).isEqualTo("media_too_large"))
			.hasMessageContaining("videos up to 2 GB");
	}

	@Test
	void mp4AndMovVideosAreUploadedWithTheirType() throws IOException {
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());

		uploader.publicUrlFor(MediaSamples.write(dir, "clip.mp4", MediaSamples.MP4, "a"), MediaKind.VIDEO, dir);
		uploader.publicUrlFor(MediaSamples.write(dir, "clip.mov", MediaSamples.MOV, "b"), MediaKind.VIDEO, dir);

		assertThat(sandbox.uploads().values()).extracting(SandboxUpload::contentType)
			.containsExactlyInAnyOrder("video/mp4", "video/quicktime");
	}

	@Test
	void contentOfTheOtherKindThanThePinIsAMismatch() throws IOException {
		LocalMediaUploader uploader = uploader(new InMemoryUploadedMediaStore());
		Path videoNamedJpg = MediaSamples.write(dir, "photo.jpg", MediaSamples.MP4, "a");
		Path imageNamedMp4 = MediaSamples.write(dir, "clip.mp4", MediaSamples.PNG, "b");

		assertThatThrownBy(() -> uploader.publicUrlFor(videoNamedJpg, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					rejected -> assertThat(rejected.code()).isEqualTo("media_type_mismatch"))
			.hasMessageContaining("is an MP4 video, but this pin needs an image")
			.hasMessageContaining(".mp4");
		assertThatThrownBy(() -> uploader.publicUrlFor(imageNamedMp4, MediaKind.VIDEO, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					rejected -> assertThat(rejected.code()).isEqualTo("media_type_mismatch"))
			.hasMessageContaining("is a PNG image, but this pin needs a video");
		assertThat(sandbox.uploads()).isEmpty();
	}

	@Test
	void aMissingFileIsNamed() {
		Path missing = dir.resolve("gone.jpg");

		assertThatThrownBy(() -> uploader(new InMemoryUploadedMediaStore()).publicUrlFor(missing, MediaKind.IMAGE, dir))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					rejected -> assertThat(rejected.code()).isEqualTo("media_file_not_found"))
			.hasMessageContaining(missing.toString());
	}

	private static JdbcUploadedMediaStore databaseStore(JDBCDataSource dataSource) {
		PinbatchSchema.migrate(dataSource);
		return new JdbcUploadedMediaStore(dataSource, new JdbcTransactionManager(dataSource));
	}

	private static JDBCDataSource dataSource(String url) {
		JDBCDataSource dataSource = new JDBCDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("SA");
		dataSource.setPassword("");
		return dataSource;
	}
}
