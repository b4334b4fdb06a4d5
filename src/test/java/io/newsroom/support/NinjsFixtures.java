package io.newsroom.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ninjs 2.2 documents as a wire service pushes them, for tests to add to. */
public final class NinjsFixtures {

    private NinjsFixtures() {
    }

    /** A usable Arabic text story with one main headline; a mutable map, so a test can add or replace fields. */
    public static Map<String, Object> story(String uri, String headline) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("uri", uri);
        document.put("type", "text");
        document.put("versioncreated", "2026-11-29T06:00:00Z");
        document.put("pubstatus", "usable");
        document.put("language", "ar");
        document.put("headlines", List.of(Map.of("role", "main", "value", headline)));
        return document;
    }
}
