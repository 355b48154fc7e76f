package io.inkwell.user;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;

import io.inkwell.common.validation.Limits;

/**
 * What makes a username, following Unicode's security mechanisms (UTS #39) with ICU4J. A name is
 * stored NFKC-normalised, so the full-width {@code ｊａｋｅ} and the ligature in {@code ﬁsh} become
 * {@code jake} and {@code fish}. It must not mix scripts ({@code jаke} with a Cyrillic a) or hold
 * invisible characters (a Hangul filler). And no two names may share a confusable skeleton, so
 * {@code bi11} cannot sit next to {@code bill}, nor an all-Cyrillic look-alike next to a Latin name.
 */
public final class Usernames {

    private static final Pattern SHAPE = Pattern.compile(Limits.USERNAME_PATTERN);
    private static final UnicodeSet ALLOWED = new UnicodeSet(SpoofChecker.RECOMMENDED).addAll("_.-").freeze();
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE
                    | SpoofChecker.CHAR_LIMIT)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setAllowedChars(ALLOWED)
            .build();
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private Usernames() {
    }

    /** The form a name is stored, compared and shown in. */
    public static String normalize(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC);
    }

    /** The key two names share when they look alike: case-folded, then mapped through Unicode's confusables. */
    public static String skeleton(String normalized) {
        return SKELETONS.getSkeleton(UCharacter.foldCase(normalized, true));
    }

    /** Why a (normalised) name is refused, as the message shown under the field; empty when it is fine. */
    static Optional<String> problemWith(String normalized) {
        if (normalized.length() > Limits.USERNAME) {
            return Optional.of("is too long (maximum is " + Limits.USERNAME + " characters)");
        }
        if (!SHAPE.matcher(normalized).matches()) {
            return Optional.of("is invalid");
        }
        boolean invisible = normalized.codePoints()
                .anyMatch(cp -> UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT));
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (invisible || CHECKER.failsChecks(normalized, result) && (result.checks & SpoofChecker.INVISIBLE) != 0) {
            return Optional.of("must not contain invisible characters");
        }
        if ((result.checks & (SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)) != 0) {
            return Optional.of("must not mix scripts or kinds of digits");
        }
        if ((result.checks & SpoofChecker.CHAR_LIMIT) != 0) {
            return Optional.of("contains characters that are not allowed in usernames");
        }
        return Optional.empty();
    }
}
