/**
 * The text rules every module shares: cleaning, Arabic normalisation, slugs, search text, snippets
 * and word diffs.
 */
@ApplicationModule(displayName = "Text", allowedDependencies = {})
package io.newsroom.text;

import org.springframework.modulith.ApplicationModule;
