package io.inkwell.article;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.slugify.Slugify;

/**
 * Readable, unique slugs. Non-Latin titles are transliterated ("Привет мир" becomes "privet-mir");
 * a taken slug gets a short random suffix.
 */
@ApplicationScoped
class Slugs {

    static final int MAX_BASE_LENGTH = 100;
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;

    private static final Logger LOG = Logger.getLogger(Slugs.class);

    private final Slugify slugify = transliterating();

    /**
     * A slug no other article has. Must run in the transaction that stores it: a lock on the slug
     * keeps two articles with the same title, created at the same moment, from both taking it.
     */
    String uniqueFor(String title) {
        String base = baseOf(title);
        Article.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, base)
                .getSingleResult();
        String slug = base;
        while (Article.slugTaken(slug)) {
            slug = base + "-" + randomSuffix();
        }
        return slug;
    }

    /** Whether {@code slug} was made from {@code title}: a changed title that slugs the same keeps its slug. */
    boolean fits(String slug, String title) {
        String base = baseOf(title);
        return slug.equals(base)
                || slug.length() == base.length() + 1 + SUFFIX_LENGTH && slug.startsWith(base + "-");
    }

    String baseOf(String title) {
        String slug = slugify.slugify(title);
        if (slug.length() > MAX_BASE_LENGTH) {
            slug = slug.substring(0, MAX_BASE_LENGTH);
            int lastHyphen = slug.lastIndexOf('-');
            slug = lastHyphen > MAX_BASE_LENGTH / 2 ? slug.substring(0, lastHyphen) : slug;
        }
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "article" : slug;
    }

    /**
     * ICU4J's transliteration rules are data loaded at run time. Should they be missing (a native
     * image built without them), slugs lose their non-Latin letters instead of articles failing.
     */
    private static Slugify transliterating() {
        try {
            Slugify withTransliteration = Slugify.builder().transliterator(true).build();
            withTransliteration.slugify("Ünïcödé Привет");
            return withTransliteration;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Transliteration unavailable; slugs keep Latin letters and digits only", e);
            return Slugify.builder().build();
        }
    }

    private static String randomSuffix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
