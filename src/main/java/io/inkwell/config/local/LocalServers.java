package io.inkwell.config.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Starts real PostgreSQL and Redis servers from Maven artifacts, once per JVM. What was started is
 * remembered in system properties rather than static fields: dev-mode reloads load this class again
 * in a fresh class loader, and must find the running servers instead of starting new ones.
 */
final class LocalServers {

    private static final Logger LOG = Logger.getLogger(LocalServers.class);
    private static final String POSTGRES_URL = "inkwell-local.postgres-url";
    private static final String REDIS_URL = "inkwell-local.redis-url";
    private static final String PUBLIC_KEY = "inkwell-local.jwt-public-key";
    private static final String PRIVATE_KEY = "inkwell-local.jwt-private-key";

    private LocalServers() {
    }

    /** @param workDir where dev mode keeps its data between runs; {@code null} for a throw-away database */
    static synchronized Map<String, String> postgres(Path workDir) {
        String url = System.getProperty(POSTGRES_URL);
        if (url == null) {
            url = startPostgres(workDir);
            System.setProperty(POSTGRES_URL, url);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    static synchronized Map<String, String> redis() {
        String url = System.getProperty(REDIS_URL);
        if (url == null) {
            url = startRedis();
            System.setProperty(REDIS_URL, url);
        }
        return Map.of("quarkus.redis.hosts", url);
    }

    static synchronized Map<String, String> jwtKeys(Path workDir) {
        if (System.getProperty(PUBLIC_KEY) == null) {
            String[] pems = workDir == null ? generateKeyPair() : keyPairIn(workDir.resolve("jwt"));
            System.setProperty(PUBLIC_KEY, pems[0]);
            System.setProperty(PRIVATE_KEY, pems[1]);
        }
        return Map.of(
                "mp.jwt.verify.publickey", System.getProperty(PUBLIC_KEY),
                "smallrye.jwt.sign.key", System.getProperty(PRIVATE_KEY));
    }

    private static String startPostgres(Path workDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(freePort());
            if (workDir == null) {
                // Tests: durability buys nothing on a database thrown away at exit.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Path dataDir = workDir.resolve("postgres");
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LOG.infof("Started embedded PostgreSQL at %s%s", url,
                    workDir == null ? "" : " (data in " + workDir.resolve("postgres") + ")");
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; "
                    + "set QUARKUS_DATASOURCE_JDBC_URL to use an external server", e);
        }
    }

    private static String startRedis() {
        try {
            int port = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(redis), "inkwell-redis-stop"));
            String url = "redis://127.0.0.1:" + port;
            LOG.infof("Started embedded Redis at %s", url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis; "
                    + "set QUARKUS_REDIS_HOSTS to use an external server", e);
        }
    }

    private static void stopQuietly(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException e) {
            LOG.debug("Embedded Redis did not stop cleanly", e);
        }
    }

    /** Dev mode keeps its keys in target/ so that tokens survive restarts. */
    private static String[] keyPairIn(Path dir) {
        Path publicKey = dir.resolve("public-key.pem");
        Path privateKey = dir.resolve("private-key.pem");
        try {
            if (Files.exists(publicKey) && Files.exists(privateKey)) {
                return new String[] { Files.readString(publicKey), Files.readString(privateKey) };
            }
            String[] pems = generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(publicKey, pems[0]);
            Files.writeString(privateKey, pems[1]);
            LOG.infof("Generated a throw-away JWT key pair in %s", dir);
            return pems;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the dev JWT keys in " + dir, e);
        }
    }

    private static String[] generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new String[] {
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()) };
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
