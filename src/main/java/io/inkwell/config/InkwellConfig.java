package io.inkwell.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inkwell")
public interface InkwellConfig {

    Jwt jwt();

    Password password();

    EventSettings events();

    MailSettings mail();

    LiveSettings live();

    interface Jwt {
        /** The {@code iss} of issued tokens; tokens from any other issuer are rejected. */
        @WithDefault("inkwell")
        String issuer();

        /** How long an issued token stays valid. */
        @WithDefault("PT24H")
        Duration lifespan();
    }

    interface Password {
        /** bcrypt work factor: each step doubles the cost of a login (and of an attack). */
        @WithDefault("11")
        int bcryptCost();
    }
}
