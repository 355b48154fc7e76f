package io.inkwell.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.inkwell.config.local.ExternalServersResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A dedicated PostgreSQL for tests that must stop and restart it: the same zonky binaries as the
 * embedded server, on a fixed port and data directory, so a restart brings back everything committed.
 */
public final class PostgresProcess implements AutoCloseable {

    public final int port;
    private final Path dataDir;
    private EmbeddedPostgres server;

    private PostgresProcess(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public static PostgresProcess start() throws IOException {
        PostgresProcess postgres = new PostgresProcess(ExternalServersResource.freePort(),
                Files.createTempDirectory("inkwell-postgres-process"));
        postgres.launch();
        return postgres;
    }

    /** The application's datasource settings for this server. */
    public Map<String, String> configuration() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** A fast shutdown: sessions are ended, connections refused from then on; committed data stays. */
    public void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port and data; returns once it accepts connections. */
    public void restart() throws IOException {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL is still running");
        }
        launch();
    }

    /** Runs initdb when the directory is still empty; never lets the library delete it on stop. */
    private void launch() throws IOException {
        server = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off") // a stop is a clean shutdown, which writes everything out
                .start();
    }

    @Override
    public void close() throws IOException {
        stop();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
