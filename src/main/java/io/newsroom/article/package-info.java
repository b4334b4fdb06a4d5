/**
 * Articles: their lifecycle, revisions, translations, stories and related articles, and the admin API
 * that edits them.
 *
 * <p>Other modules use it only through its named interfaces, each naming the ones it needs in its own
 * {@code package-info} ({@code ModularityTest} holds them to it):
 * <ul>
 *   <li>{@code article :: api}: changing articles through {@link ArticleService} and the services
 *       beside it, with the types their methods take and return;</li>
 *   <li>{@code article :: readers}: the read-side schema for modules that read the article tables in
 *       SQL: {@link ReaderVisibility}, the one definition of "visible to readers" as SQL fragments and
 *       its Java twin, and {@link TextDirection};</li>
 *   <li>{@code article :: events}: {@link ArticleEvent}, what readers can notice of a change;</li>
 *   <li>{@code article :: repository}: {@link ArticleRepository}, which the demo loader reads to see
 *       whether the database is empty.</li>
 * </ul>
 * A type joins an interface by {@code @NamedInterface} on its declaration; the types of this module in
 * its public signatures join with it.
 */
@ApplicationModule(displayName = "Articles", allowedDependencies = {
        "actor",
        "audit",
        "author",
        "media",
        "paging",
        "problem",
        "request",
        "source",
        "tag",
        "text",
        "validation",
})
package io.newsroom.article;

import org.springframework.modulith.ApplicationModule;
