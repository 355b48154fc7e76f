package io.inkwell.common.validation;

/**
 * What text may hold. Every text field is {@link #isPlain plain}: PostgreSQL cannot store NUL, and
 * other control characters, lone surrogates and noncharacters are never meant as text. Short names
 * shown as labels (tags) must be {@link #isPrintable printable}: one line of visible characters.
 */
public final class Text {

    private Text() {
    }

    /** No control character other than tab and line breaks, no lone surrogate, no noncharacter. */
    public static boolean isPlain(String text) {
        return text.codePoints().allMatch(Text::isPlain);
    }

    /** Plain, on one line, and nothing invisible: no tab, line or paragraph break, format or private-use character. */
    public static boolean isPrintable(String text) {
        return text.codePoints().allMatch(cp -> isPlain(cp) && switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        });
    }

    private static boolean isPlain(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> cp == '\t' || cp == '\n' || cp == '\r';
            case Character.SURROGATE -> false;
            default -> !isNoncharacter(cp);
        };
    }

    private static boolean isNoncharacter(int cp) {
        return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }
}
