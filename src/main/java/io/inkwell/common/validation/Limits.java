package io.inkwell.common.validation;

/** Field limits shared by validation and the database schema (keep them in step with db/migration). */
public final class Limits {

    public static final String TOO_LONG = "is too long (maximum is {max} characters)";

    public static final int EMAIL = 254;
    public static final int USERNAME = 40;
    /** Letters and digits first, then letters, digits, '_', '.' and '-': safe in a URL path. */
    public static final String USERNAME_PATTERN = "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 256;
    public static final int BIO = 2000;
    public static final int IMAGE_URL = 2048;
    /** Empty (to clear the image) or an http(s) URL: other schemes such as javascript: are refused. */
    public static final String IMAGE_URL_PATTERN = "^$|^https?://[^\\s]+$";

    public static final int TITLE = 255;
    public static final int DESCRIPTION = 1000;
    public static final int ARTICLE_BODY = 200_000;
    public static final int TAG = 64;
    public static final int TAGS_PER_ARTICLE = 20;
    public static final int COMMENT_BODY = 10_000;

    private Limits() {
    }
}
