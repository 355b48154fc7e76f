package io.inkwell.config.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL from the zonky binaries artifact: durable in dev mode, fast and throw-away in tests. */
final class PostgresServer {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    private PostgresServer() {
    }

    /** @return the JDBC URL of the started server */
    static String start(Path workDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(EmbeddedServers.freePort());
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
            String url = builder.start().getJdbcUrl("postgres", "postgres");
            LOG.infof("Started embedded PostgreSQL at %s%s", url,
                    workDir == null ? "" : " (data in " + workDir.resolve("postgres") + ")");
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; "
                    + "set QUARKUS_DATASOURCE_JDBC_URL to use an external server", e);
        }
    }
}
