package io.inkwell.common.security;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.inkwell.config.InkwellConfig;

/** bcrypt; passwords longer than bcrypt's 72 bytes are pre-hashed rather than silently truncated. */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    private volatile String decoyHash;

    PasswordHasher(InkwellConfig config) {
        this.cost = config.password().bcryptCost();
    }

    public String hash(String password) {
        return new String(hasher.hash(cost, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /**
     * Spends the same time as a real check, for logins with an unknown e-mail: a quick answer would
     * tell an attacker which addresses have accounts.
     */
    public void matchAgainstDecoy(String password) {
        if (decoyHash == null) {
            decoyHash = hash("decoy password that never matches");
        }
        matches(password, decoyHash);
    }
}
