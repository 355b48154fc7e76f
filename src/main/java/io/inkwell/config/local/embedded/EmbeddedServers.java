package io.inkwell.config.local.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.inkwell.config.local.LocalServers;

/**
 * Starts real servers from Maven artifacts, once per JVM. What was started is remembered in system
 * properties rather than static fields: dev-mode reloads load these classes again in a fresh class
 * loader, and must find the running servers instead of starting new ones.
 *
 * <p>Dev and test only: the prod build leaves this package out of the jar and the native image.
 */
public final class EmbeddedServers implements LocalServers {

    @Override
    public Map<String, String> startMissing(Predicate<String> configured, Path workDir) {
        Map<String, String> properties = new HashMap<>();
        if (!configured.test("quarkus.datasource.jdbc.url")) {
            properties.putAll(postgres(workDir));
        }
        if (!configured.test("quarkus.redis.hosts")) {
            properties.putAll(redis());
        }
        if (!configured.test("quarkus.mailer.host")) {
            properties.putAll(smtp());
        }
        if (!configured.test("mp.jwt.verify.publickey") && !configured.test("mp.jwt.verify.publickey.location")) {
            properties.putAll(jwtKeys(workDir));
        }
        return properties;
    }

    /** @param workDir where dev mode keeps its data between runs; {@code null} for a throw-away database */
    public static Map<String, String> postgres(Path workDir) {
        String url = once("inkwell-local.postgres-url", () -> PostgresServer.start(workDir));
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    public static Map<String, String> redis() {
        return Map.of("quarkus.redis.hosts", once("inkwell-local.redis-url", RedisServer::start));
    }

    /** An SMTP server that keeps what it receives; see {@link SmtpServer} for how to read it. */
    public static Map<String, String> smtp() {
        String port = once("inkwell-local.smtp-port", () -> {
            try {
                return Integer.toString(SmtpServer.start(freePort()).port());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not start the embedded SMTP server; "
                        + "set QUARKUS_MAILER_HOST to use an external one", e);
            }
        });
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", port);
    }

    public static Map<String, String> jwtKeys(Path workDir) {
        String publicKey = "inkwell-local.jwt-public-key";
        String privateKey = "inkwell-local.jwt-private-key";
        synchronized (EmbeddedServers.class) {
            if (System.getProperty(publicKey) == null) {
                ThrowAwayKeys.Pems pems = ThrowAwayKeys.rsa(workDir == null ? null : workDir.resolve("jwt"));
                System.setProperty(publicKey, pems.publicKey());
                System.setProperty(privateKey, pems.privateKey());
            }
        }
        return Map.of(
                "mp.jwt.verify.publickey", System.getProperty(publicKey),
                "smallrye.jwt.sign.key", System.getProperty(privateKey));
    }

    private static synchronized String once(String property, Supplier<String> start) {
        String value = System.getProperty(property);
        if (value == null) {
            value = start.get();
            System.setProperty(property, value);
        }
        return value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
