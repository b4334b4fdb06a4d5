package io.newsroom.content.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsroom.content.PublicArticle;
import java.util.Map;

/** One article for readers: the article, plus schema.org NewsArticle data to embed as JSON-LD. */
public record ArticleView(@JsonUnwrapped PublicArticle article, Map<String, Object> structuredData) {
}
