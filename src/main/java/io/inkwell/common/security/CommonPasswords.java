package io.inkwell.common.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords (resource passwords/common-passwords.txt; source and licence in
 * passwords/NOTICE). They are the first an attacker tries, so none of them, in any letter case, is
 * accepted as a new password. Loaded once, on first use.
 */
public final class CommonPasswords {

    static final String RESOURCE = "passwords/common-passwords.txt";

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return Holder.LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.LIST.size();
    }

    private static final class Holder {
        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                Set<String> passwords = new HashSet<>(16_384);
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .filter(line -> !line.isEmpty())
                        .forEach(passwords::add);
                return Set.copyOf(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
