package io.inkwell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.support.PackagedApp;

/**
 * The packaged application refuses to start in prod without its keys or its SMTP server, or with a trusted
 * proxy Quarkus would look up in DNS, and says what to set.
 */
class RequiredProdSettingsIT {

    @Test
    void shouldRefuseToStartWithoutJwtKeysAndNameTheSettings() throws Exception {
        Map<String, String> withoutKeys = new HashMap<>(ExternalServersResource.configuration());
        withoutKeys.keySet().removeIf(key -> key.startsWith("mp.jwt") || key.startsWith("smallrye.jwt"));

        try (PackagedApp app = PackagedApp.start("required-settings-it.log", List.of(), withoutKeys)) {
            assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).as("stopped by itself").isTrue();
            assertThat(app.process.exitValue()).isNotZero();
            assertThat(Files.readString(app.log()))
                    .contains("MP_JWT_VERIFY_PUBLICKEY")
                    .contains("SMALLRYE_JWT_SIGN_KEY")
                    .doesNotContain("QUARKUS_REDIS_HOSTS (")
                    .doesNotContain("QUARKUS_MAILER_HOST (");
        }
    }

    @Test
    void shouldRefuseToStartWithoutAnSmtpServerAndSender() throws Exception {
        Map<String, String> withoutMail = new HashMap<>(ExternalServersResource.configuration());
        withoutMail.keySet().removeIf(key -> key.startsWith("quarkus.mailer"));

        try (PackagedApp app = PackagedApp.start("required-mail-settings-it.log", List.of(), withoutMail)) {
            assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).as("stopped by itself").isTrue();
            assertThat(app.process.exitValue()).isNotZero();
            assertThat(Files.readString(app.log()))
                    .contains("QUARKUS_MAILER_HOST (")
                    .contains("QUARKUS_MAILER_FROM (")
                    .doesNotContain("MP_JWT_VERIFY_PUBLICKEY (");
        }
    }

    @Test
    void shouldRefuseToStartWithATrustedProxyQuarkusWouldLookUpInDns() throws Exception {
        Map<String, String> bareIpv6 = new HashMap<>(ExternalServersResource.configuration());
        bareIpv6.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1,fd00::1");

        try (PackagedApp app = PackagedApp.start("trusted-proxies-it.log", List.of(), bareIpv6)) {
            assertThat(app.process.waitFor(60, TimeUnit.SECONDS)).as("stopped by itself").isTrue();
            assertThat(app.process.exitValue()).isNotZero();
            assertThat(Files.readString(app.log())).contains("[fd00::1]").contains("fd00::1/128");
        }
    }
}
