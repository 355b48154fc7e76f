package io.inkwell.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The prod profile must be given its JWT keys, its Redis and its SMTP server: without them no token
 * could be issued or checked, and no mail sent. (A missing database URL stops start-up earlier, with
 * Quarkus's own message naming quarkus.datasource.jdbc.url.) Dev and test start their own instead,
 * see io.inkwell.config.local.
 */
@IfBuildProfile("prod")
public class RequiredProdSettings {

    void check(@Observes Startup startup, Config config) {
        List<String> missing = new ArrayList<>();
        if (absent(config, "mp.jwt.verify.publickey") && absent(config, "mp.jwt.verify.publickey.location")) {
            missing.add("MP_JWT_VERIFY_PUBLICKEY (PEM text) or MP_JWT_VERIFY_PUBLICKEY_LOCATION (file or URL)");
        }
        if (absent(config, "smallrye.jwt.sign.key") && absent(config, "smallrye.jwt.sign.key.location")) {
            missing.add("SMALLRYE_JWT_SIGN_KEY (PEM text) or SMALLRYE_JWT_SIGN_KEY_LOCATION (file)");
        }
        if (absent(config, "quarkus.redis.hosts")) {
            missing.add("QUARKUS_REDIS_HOSTS (redis://host:6379)");
        }
        if (absent(config, "quarkus.mailer.host")) {
            missing.add("QUARKUS_MAILER_HOST (the SMTP server; with QUARKUS_MAILER_PORT and, as needed, credentials and TLS)");
        }
        if (absent(config, "quarkus.mailer.from")) {
            missing.add("QUARKUS_MAILER_FROM (the sender, e.g. Inkwell <no-reply@example.com>)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Inkwell cannot start: required settings are missing. Set "
                    + String.join(" and ", missing) + ". See README.md, 'Configuration'.");
        }
    }

    /** Unset, blank, or only an extension's default (quarkus.mailer.host defaults to localhost). */
    private static boolean absent(Config config, String name) {
        ConfigValue value = config.getConfigValue(name);
        return value.getValue() == null || value.getValue().isBlank() || value.getSourceOrdinal() <= Integer.MIN_VALUE + 100;
    }
}
