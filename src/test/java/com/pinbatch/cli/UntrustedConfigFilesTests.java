package com.pinbatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Before: a configuration file anyone could write was read as the user's own, the key sent where it said. */
class UntrustedConfigFilesTests {

	@TempDir
	Path dir;

	@Test
	void theUsersOwnFileInTheUsersOwnFolderIsRead() throws IOException {
		Path file = settings(dir, "rw-r--r--");

		assertThat(UntrustedConfigFiles.othersCanChange(file)).isEmpty();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		assertThat(UntrustedConfigFiles.othersCanChange(file)).isEmpty();
	}

	@Test
	void aFileEveryUserCanWriteIsNot() throws IOException {
		Path file = settings(dir, "rw-r--rw-");

		assertThat(UntrustedConfigFiles.othersCanChange(file)).contains("every user can write it");
	}

	@Test
	void aFileInAFolderEveryUserCanWriteIsNotUnlessTheFolderKeepsTheirFilesApart() throws IOException {
		// one who can write the folder can put another file in the place of the user's
		Path shared = Files.createDirectory(dir.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path file = settings(shared, "rw-r--r--");

		assertThat(UntrustedConfigFiles.othersCanChange(file)).contains("every user can write the folder " + shared);
		// nor through a link from the user's own folder
		Path link = Files.createSymbolicLink(Files.createDirectory(dir.resolve("own")).resolve("application.yml"),
				file);
		assertThat(UntrustedConfigFiles.othersCanChange(link)).contains("every user can write the folder " + shared);
		// /tmp's sticky bit: no one renames or removes another's file there
		Files.setAttribute(shared, "unix:mode", 01777);
		assertThat(UntrustedConfigFiles.othersCanChange(file)).isEmpty();
	}

	@Test
	void aFileItsGroupCanWriteIsNotUnlessTheGroupIsTheOwnersOwn() throws IOException {
		Path file = settings(dir, "rw-rw-r--");
		GroupPrincipal ownGroup = Files.readAttributes(file, PosixFileAttributes.class).group();
		assumeTrue(ownGroup.getName().equals(System.getProperty("user.name")),
				"this user's files are in a group of the user's name");
		assertThat(UntrustedConfigFiles.othersCanChange(file)).as("a private group").isEmpty();

		GroupPrincipal other = file.getFileSystem().getUserPrincipalLookupService()
			.lookupPrincipalByGroupName("daemon");
		try {
			Files.setAttribute(file, "posix:group", other);
		}
		catch (IOException notAllowed) {
			assumeTrue(false, "only root gives a file to another group here");
		}
		assertThat(UntrustedConfigFiles.othersCanChange(file)).contains("the users of group daemon can write it");
	}

	@Test
	void aFileGoneSinceItWasReadIsRefused() {
		// one who can write its folder removed it between Spring's read and this look (before: taken as the user's)
		assertThat(UntrustedConfigFiles.othersCanChange(dir.resolve("gone.properties")))
			.hasValueSatisfying(why -> assertThat(why).startsWith("it could not be looked at"));
	}

	@Test
	void everyFolderALinkOnTheWayLeadsThroughCounts() throws IOException {
		// own/config -> links/cfg -> real/cfg: the folder holding the middle link is one every user can write
		Path real = Files.createDirectories(dir.resolve("real/cfg"));
		Path links = Files.createDirectory(dir.resolve("links"));
		Files.createSymbolicLink(links.resolve("cfg"), real);
		Files.setPosixFilePermissions(links, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path own = Files.createDirectory(dir.resolve("own"));
		Files.createSymbolicLink(own.resolve("config"), links.resolve("cfg"));
		settings(real, "rw-r--r--");

		assertThat(UntrustedConfigFiles.othersCanChange(own.resolve("config/application.properties")))
			.contains("every user can write the folder " + links);
		assertThat(UntrustedConfigFiles.othersCanChange(real.resolve("application.properties"))).isEmpty();
	}

	@Test
	void aLinkAnotherUserOwnsIsNotFollowedEvenInAStickyFolder() throws IOException {
		// in /tmp, whoever owns a link can point it elsewhere between Spring's read and this look
		Path sticky = Files.createDirectory(dir.resolve("sticky"));
		Files.setAttribute(sticky, "unix:mode", 01777);
		Path file = settings(Files.createDirectory(dir.resolve("own")), "rw-r--r--");
		Path link = Files.createSymbolicLink(sticky.resolve("team.properties"), file);
		assertThat(UntrustedConfigFiles.othersCanChange(link)).isEmpty();
		UserPrincipal other = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("daemon");
		try {
			Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(other);
		}
		catch (IOException notAllowed) {
			assumeTrue(false, "only root gives a link to another user");
		}

		assertThat(UntrustedConfigFiles.othersCanChange(link)).contains("another user, daemon, owns the link "
				+ link);
	}

	@Test
	void aFileAnotherUserOwnsIsNot() throws IOException {
		Path file = settings(dir, "rw-r--r--");
		UserPrincipal other = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("daemon");
		try {
			Files.setOwner(file, other);
		}
		catch (IOException notAllowed) {
			assumeTrue(false, "only root gives a file to another user");
		}

		assertThat(UntrustedConfigFiles.othersCanChange(file)).contains("another user, daemon, owns it");
	}

	private static Path settings(Path folder, String permissions) throws IOException {
		Path file = Files.writeString(folder.resolve("application.properties"), "zernio.base-url=https://x.example\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		return file;
	}
}
