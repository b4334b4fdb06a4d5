package io.newsroom.text;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.ArabicStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The term the full-text index stores for one word form: the Snowball stem of an Arabic-script or a
 * Latin-script word (the algorithms PostgreSQL's {@code arabic} and {@code english} configurations
 * use), any other word as it is, and nothing for an English stop word.
 *
 * <p>Stems are made here rather than by {@code to_tsvector}: parsing every body again inside
 * PostgreSQL was the largest part of the database's time in a bulk import, and the database is the
 * part of the system that does not scale out.
 */
final class Lexemes {

    // Snowball stemmers keep state between setCurrent and getCurrent: one of each per thread.
    private static final ThreadLocal<SnowballStemmer> ARABIC = ThreadLocal.withInitial(ArabicStemmer::new);
    private static final ThreadLocal<SnowballStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);

    private Lexemes() {
    }

    /** The lexeme of a word form in search form (SearchText.words); empty when it is not indexed. */
    static String of(String form) {
        if (hasDigit(form)) {
            return form; // numbers, and names such as covid19 or f16, are matched as written
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(form.codePointAt(0));
        if (script == Character.UnicodeScript.ARABIC) {
            return stem(ARABIC.get(), form);
        }
        if (script == Character.UnicodeScript.LATIN) {
            return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(form) ? "" : stem(ENGLISH.get(), form);
        }
        return form;
    }

    private static String stem(SnowballStemmer stemmer, String form) {
        stemmer.setCurrent(form);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        return stem.isEmpty() ? form : stem;
    }

    private static boolean hasDigit(String form) {
        for (int i = 0; i < form.length(); i++) {
            if (Character.isDigit(form.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
