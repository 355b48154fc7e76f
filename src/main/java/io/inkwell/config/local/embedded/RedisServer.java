package io.inkwell.config.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jboss.logging.Logger;

/** A real Redis from the embedded-redis artifact, without persistence, stopped when the JVM exits. */
final class RedisServer {

    private static final Logger LOG = Logger.getLogger(RedisServer.class);

    private RedisServer() {
    }

    /** @return the redis:// URL of the started server */
    static String start() {
        try {
            int port = EmbeddedServers.freePort();
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "inkwell-redis-stop"));
            String url = "redis://127.0.0.1:" + port;
            LOG.infof("Started embedded Redis at %s", url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis; "
                    + "set QUARKUS_REDIS_HOSTS to use an external server", e);
        }
    }

    private static void stopQuietly(redis.embedded.RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.debug("Embedded Redis did not stop cleanly", e);
        }
    }
}
