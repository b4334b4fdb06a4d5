package io.newsroom.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The ordered read-also list: at most 10 existing articles, no duplicates, not the article itself. */
record RelatedRequest(@NotNull @Size(max = 10) List<@NotNull UUID> ids) {
}
