package io.inkwell.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped list: complete, and matched whatever the letter case. */
class CommonPasswordsTest {

    @Test
    void shouldHoldTenThousandPasswords() {
        assertThat(CommonPasswords.size()).isEqualTo(10_000);
    }

    @Test
    void shouldMatchWhateverTheCase() {
        assertThat(CommonPasswords.contains("password")).isTrue();
        assertThat(CommonPasswords.contains("PASSWORD")).isTrue();
        assertThat(CommonPasswords.contains("Dragon")).isTrue();
        assertThat(CommonPasswords.contains("correct horse battery")).isFalse();
    }
}
