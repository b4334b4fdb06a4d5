package io.newsroom.ingest;

import io.newsroom.text.CleanText;
import io.newsroom.article.ArticleRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A story as it arrives (a ninjs document, or an article line of a bulk import), mapped to what the
 * article model holds. Sources and read-also links are named, not yet resolved to ids.
 *
 * @param uri            the upsert key: ninjs {@code uri}, or an article line's {@code externalId}; null for
 *                       an article line without one (always a new article)
 * @param versionCreated ninjs {@code versioncreated}: a newer one updates, an older one is ignored
 * @param publishedAt    when readers first saw it elsewhere ({@code firstcreated}); null: now
 * @param pubStatus      what the sender wants: published, withheld (unpublished) or left as a draft
 * @param embargoed      not to be shown before this time (scheduled)
 * @param content        headline, body, tags and the rest, with the admin API's constraints
 * @param sourceName     the publisher (ninjs {@code infosources}), created if missing
 * @param sourceUrl      the publisher's web address, when the infosource gives an http one
 * @param relatedUris    read-also stories, by the uri they were ingested under
 * @param relatedIds     read-also articles by id (an article line of a bulk import); null: none
 * @param contentHash    a hash of the document as received: the same document twice is recognised
 */
public record IngestDocument(String uri, Instant versionCreated, Instant publishedAt, PubStatus pubStatus, Instant embargoed,
                             ArticleRequest content, String sourceName, String sourceUrl, List<String> relatedUris,
                             List<UUID> relatedIds, String contentHash) {

    /**
     * The identifiers are keys and the publisher's name becomes a source: they get the rules of names.
     * The content's text fields are plain text however the sender escaped them (the one place every
     * way in from another system passes: ninjs, bulk lines, feed items).
     */
    public IngestDocument {
        content = content == null ? null : content.withPlainText();
        uri = CleanText.name(uri);
        sourceName = CleanText.name(sourceName);
        sourceUrl = CleanText.line(sourceUrl);
        relatedUris = relatedUris == null ? null : relatedUris.stream().map(CleanText::name).toList();
    }

    public enum PubStatus {
        /** ninjs {@code usable}: publish (or schedule, when embargoed). */
        USABLE,
        /** ninjs {@code withheld} or {@code canceled}: take off the site. */
        WITHHELD,
        /** An article line with status DRAFT, or no status: keep as a draft. */
        DRAFT,
        /**
         * A feed item: published when it first arrives; an update changes the content only, so an
         * editor's unpublishing or archiving stands.
         */
        PUBLISH_WHEN_NEW
    }
}
