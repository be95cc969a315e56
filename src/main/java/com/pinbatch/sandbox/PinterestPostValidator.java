package com.pinbatch.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a {@code POST /v1/posts} body the way Zernio does for Pinterest, answering the first problem found as a
 * 400 (or 403 for accounts), with messages in Zernio's style.
 */
final class PinterestPostValidator {

	private static final int TITLE_MAX = 100;
	private static final int DESCRIPTION_MAX = 500;
	private static final int ALT_TEXT_MAX = 500;

	private static final Set<String> SHORTENERS = Set.of("bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd",
			"buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "lnkd.in", "t.ly", "bl.ink", "s.id",
			"v.gd", "soo.gd", "shorte.st", "adf.ly", "pin.it");

	private final SeedAccounts accounts;

	PinterestPostValidator(SeedAccounts accounts) {
		this.accounts = accounts;
	}

	ValidatedPost validate(JsonNode body) {
		if (!body.isObject()) {
			throw ApiError.badRequest("Request body must be a JSON object.");
		}
		boolean explicitDraft = bool(body, "isDraft");
		boolean publishNow = bool(body, "publishNow");
		String scheduledText = text(body, "scheduledFor");
		String queuedFromProfile = text(body, "queuedFromProfile");
		// Zernio's silent default: with no way to know when to publish, the post is parked as a draft.
		boolean draft = explicitDraft || (!publishNow && isBlank(scheduledText) && isBlank(queuedFromProfile));

		JsonNode platforms = body.path("platforms");
		if (!platforms.isMissingNode() && !platforms.isNull() && !platforms.isArray()) {
			throw ApiError.badRequest("platforms must be an array.");
		}
		if (!draft && platforms.size() == 0) {
			throw ApiError.badRequest("At least one platform is required. Add an entry to platforms.");
		}
		String content = text(body, "content");
		String title = text(body, "title");
		ArrayNode media = array(body, "mediaItems");
		Instant scheduledFor = isBlank(scheduledText) ? null : instant(scheduledText, "scheduledFor");
		String timezone = isBlank(text(body, "timezone")) ? "UTC" : text(body, "timezone");
		checkTimezone(timezone);

		List<ValidatedPost.Target> targets = new ArrayList<>();
		for (int i = 0; i < platforms.size(); i++) {
			targets.add(target(platforms.get(i), i, content, media));
		}
		JsonNode tags = body.path("tags");
		if (!tags.isMissingNode() && !tags.isNull() && !tags.isArray()) {
			throw ApiError.badRequest("tags must be an array of strings.");
		}
		JsonNode metadata = body.path("metadata");
		if (!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject()) {
			throw ApiError.badRequest("metadata must be an object.");
		}

		ValidatedPost.Kind kind;
		if (draft) {
			kind = ValidatedPost.Kind.DRAFT;
		}
		else if (publishNow) {
			kind = ValidatedPost.Kind.PUBLISHED;
			scheduledFor = null;
		}
		else {
			kind = ValidatedPost.Kind.SCHEDULED;
		}
		ArrayNode mediaOrNone = media == null ? Json.MAPPER.createArrayNode() : media;
		JsonNode tagsOrNone = tags.isArray() ? tags : Json.MAPPER.createArrayNode();
		ObjectNode metadataOrNone = metadata.isObject() ? (ObjectNode) metadata : Json.object();
		return new ValidatedPost(content, title, mediaOrNone, targets, scheduledFor, timezone, kind, tagsOrNone,
				metadataOrNone, isBlank(queuedFromProfile) ? null : queuedFromProfile);
	}

	/** When a queued post without a time runs: the next full hour (the sandbox's whole queue). */
	static Instant nextQueueSlot(Instant now) {
		return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
	}

	private ValidatedPost.Target target(JsonNode entry, int index, String postContent, ArrayNode postMedia) {
		String where = "platforms[" + index + "]";
		if (!entry.isObject()) {
			throw ApiError.badRequest(where + " must be an object with platform and accountId.");
		}
		String platform = text(entry, "platform");
		String accountId = text(entry, "accountId");
		if (isBlank(platform) || isBlank(accountId)) {
			throw ApiError.badRequest(where + " requires both platform and accountId.");
		}
		if (!"pinterest".equals(platform)) {
			throw ApiError.badRequest("Platform '" + platform
					+ "' is not available in the Zernio sandbox; only pinterest is simulated.");
		}
		SeedAccounts.Account account = accounts.find(accountId).orElseThrow(() -> new ApiError(403,
				Json.error("Access denied: account " + accountId + " does not belong to you.")));
		if (!account.isPinterest()) {
			throw ApiError.badRequest("Account " + accountId + " is a " + account.platform()
					+ " account, not a Pinterest account.");
		}
		if (account.needsReconnection()) {
			throw new ApiError(403, Json.error("Account " + accountId + " (pinterest \"" + account.username()
					+ "\") is disconnected and cannot be posted to. The Pinterest token expired. Reconnect the"
					+ " account, then refresh your account IDs from GET /v1/accounts.")
				.put("code", "ACCOUNT_DISCONNECTED"));
		}
		if (accounts.overLimit(account.id())) {
			throw new ApiError(403, Json.error("Account " + accountId + " belongs to a profile beyond your plan's"
					+ " profile limit. Upgrade your plan or remove profiles to post from it.")
				.put("code", "PROFILE_OVER_LIMIT"));
		}

		String customContent = text(entry, "customContent");
		String content = isBlank(customContent) ? postContent : customContent;
		ArrayNode customMedia = array(entry, "customMedia");
		ArrayNode media = customMedia != null && customMedia.size() > 0 ? customMedia : postMedia;
		boolean video = checkMedia(media);

		JsonNode data = entry.path("platformSpecificData");
		if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
			throw ApiError.badRequest("platformSpecificData must be an object.");
		}
		String title = firstText(data, "title");
		if (title != null && length(title) > TITLE_MAX) {
			throw ApiError.badRequest("Pinterest title is too long: " + length(title) + " characters, the maximum is "
					+ TITLE_MAX + ".");
		}
		if (content != null && length(content) > DESCRIPTION_MAX) {
			throw ApiError.badRequest("Pinterest description is too long: " + length(content)
					+ " characters, the maximum is " + DESCRIPTION_MAX + ".");
		}
		String altText = text(media.get(0), "altText");
		if (altText != null && length(altText) > ALT_TEXT_MAX) {
			throw ApiError.badRequest("Pinterest alt text is too long: " + length(altText)
					+ " characters, the maximum is " + ALT_TEXT_MAX + ".");
		}
		String link = firstText(data, "link", "url");
		if (!isBlank(link)) {
			checkLink(link);
		}
		String boardId = firstText(data, "boardId", "board_id", "board");
		if (isBlank(boardId)) {
			throw ApiError.badRequest("Pinterest requires a boardId. Provide platformSpecificData.boardId.");
		}
		SeedAccounts.Board board = account.board(boardId).orElseThrow(() -> ApiError.badRequest("Board " + boardId
				+ " was not found on Pinterest account @" + account.username()
				+ ". List its boards with GET /v1/accounts/" + account.id() + "/pinterest-boards."));
		String scheduledText = text(entry, "scheduledFor");
		Instant scheduledFor = isBlank(scheduledText) ? null : instant(scheduledText, where + ".scheduledFor");
		checkCover(data, video);

		String effectiveTitle = title != null ? title : defaultTitle(content);
		return new ValidatedPost.Target(account, board, effectiveTitle, content, media,
				data.isObject() ? data : Json.object(), scheduledFor);
	}

	/** Returns whether the one media item is a video. */
	private boolean checkMedia(ArrayNode media) {
		if (media == null || media.size() == 0) {
			throw ApiError.badRequest(
					"Pinterest does not support text-only pins. Add exactly one image or video to mediaItems.");
		}
		if (media.size() > 1) {
			throw ApiError.badRequest("Pinterest accepts exactly one image or video per pin; " + media.size()
					+ " media items were sent.");
		}
		JsonNode item = media.get(0);
		if (!item.isObject()) {
			throw ApiError.badRequest("mediaItems[0] must be an object with type and url.");
		}
		String type = text(item, "type");
		if (!"image".equals(type) && !"video".equals(type) && !"gif".equals(type)) {
			throw ApiError.badRequest("Pinterest media must be an image or a video; mediaItems[0].type was "
					+ (type == null ? "missing" : "'" + type + "'") + ".");
		}
		String url = text(item, "url");
		if (isBlank(url) || !isHttpsUrl(url)) {
			throw ApiError.badRequest("Invalid media URL: mediaItems[0].url must be a public https URL.");
		}
		return "video".equals(type);
	}

	private void checkLink(String link) {
		if (!isHttpsUrl(link)) {
			throw ApiError.badRequest("Pinterest link must be a valid https URL: " + link);
		}
		String host = URI.create(link).getHost().toLowerCase(Locale.ROOT);
		for (String shortener : SHORTENERS) {
			if (host.equals(shortener) || host.endsWith("." + shortener)) {
				throw ApiError.badRequest("Pinterest does not accept shortened links (" + host
						+ "). Use the full destination URL.");
			}
		}
	}

	private void checkCover(JsonNode data, boolean video) {
		String coverUrl = firstText(data, "coverImageUrl", "cover_image_url", "thumbnailUrl", "thumbnail_url");
		JsonNode keyFrame = data.path("coverImageKeyFrameTime");
		boolean hasKeyFrame = !keyFrame.isMissingNode() && !keyFrame.isNull();
		if (!video && (coverUrl != null || hasKeyFrame)) {
			throw ApiError.badRequest(
					"coverImageUrl and coverImageKeyFrameTime apply to video pins only; remove them for images.");
		}
		if (coverUrl != null && !isHttpsUrl(coverUrl)) {
			throw ApiError.badRequest("coverImageUrl must be a public https URL.");
		}
		if (hasKeyFrame && (!keyFrame.isNumber() || keyFrame.asDouble() < 0)) {
			throw ApiError.badRequest("coverImageKeyFrameTime must be a number of seconds, 0 or more.");
		}
	}

	private static void checkTimezone(String timezone) {
		try {
			ZoneId.of(timezone);
		}
		catch (DateTimeException ex) {
			throw ApiError.badRequest("Invalid timezone '" + timezone + "'. Use an IANA name such as America/New_York.");
		}
	}

	/** A time as a request gives it (create, or a new time for a post), or a 400 naming the field. */
	static Instant instant(String text, String field) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiError.badRequest("Invalid " + field + " '" + text
					+ "'. Use an ISO 8601 date-time with Z or an offset, e.g. 2026-09-01T14:00:00Z.");
		}
	}

	private static String defaultTitle(String content) {
		if (isBlank(content)) {
			return "Pin";
		}
		String firstLine = content.strip().lines().findFirst().orElse("Pin");
		return firstLine.codePointCount(0, firstLine.length()) <= TITLE_MAX ? firstLine
				: firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_MAX));
	}

	private static boolean isHttpsUrl(String text) {
		try {
			URI uri = new URI(text);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String firstText(JsonNode node, String... names) {
		for (String name : names) {
			String value = text(node, name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiError.badRequest(name + " must be a string.");
		}
		return value.stringValue();
	}

	private static boolean bool(JsonNode node, String name) {
		JsonNode value = node.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw ApiError.badRequest(name + " must be true or false.");
		}
		return value.booleanValue();
	}

	private static ArrayNode array(JsonNode node, String name) {
		JsonNode value = node.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw ApiError.badRequest(name + " must be an array.");
		}
		return (ArrayNode) value;
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}
}
