package io.inkwell.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkwell.config.local.ExternalServersResource;
import io.inkwell.config.local.embedded.SmtpServer;

/**
 * Packaged replicas sharing one PostgreSQL (the test run's), plus a Redis and an SMTP server of their
 * own that the test can kill, restart and stop: the setting of the process-level event tests. The
 * pipeline's waits are shortened so that take-overs and retries happen within a test's patience.
 */
public final class Replicas implements AutoCloseable {

    public final RedisProcess redis;
    public final SmtpServer smtp;
    private final String name;
    private final Map<String, String> configuration;
    private final List<PackagedApp> apps = new ArrayList<>();

    private Replicas(String name, RedisProcess redis, SmtpServer smtp, Map<String, String> configuration) {
        this.name = name;
        this.redis = redis;
        this.smtp = smtp;
        this.configuration = configuration;
    }

    /** Starts {@code count} replicas and waits until each is ready. */
    public static Replicas start(String name, int count, Map<String, String> overrides) throws Exception {
        RedisProcess redis = RedisProcess.start();
        SmtpServer smtp = SmtpServer.start(freePort());
        Map<String, String> config = new HashMap<>(ExternalServersResource.configuration());
        config.put("quarkus.redis.hosts", redis.url());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtp.port()));
        config.put("inkwell.events.poll-interval", "50ms");
        config.put("inkwell.events.relay-interval", "200ms");
        config.put("inkwell.events.claim-idle", "3s");
        config.put("inkwell.events.redeliver-after", "15s");
        config.put("inkwell.events.backoff-initial", "200ms");
        config.put("inkwell.events.backoff-max", "2s");
        config.put("inkwell.events.max-attempts", "100");
        config.put("inkwell.events.redis-timeout", "2s");
        config.putAll(overrides);
        Replicas replicas = new Replicas(name, redis, smtp, config);
        for (int i = 0; i < count; i++) {
            replicas.apps.add(replicas.launch(i));
        }
        for (PackagedApp app : replicas.apps) {
            app.await("/q/health/ready", status -> status == 200, Duration.ofSeconds(120));
        }
        return replicas;
    }

    public PackagedApp get(int index) {
        return apps.get(index);
    }

    public Mailbox mailbox() {
        return Mailbox.at(smtp.port());
    }

    /** SIGKILL: no shutdown hook, no acknowledgement, nothing flushed. */
    public void kill(int index) throws InterruptedException {
        Process process = apps.get(index).process;
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        for (PackagedApp app : apps) {
            app.close();
        }
        smtp.stop();
        redis.close();
    }

    private PackagedApp launch(int index) throws IOException {
        return PackagedApp.start(name + "-" + (char) ('a' + index) + ".log", List.of("-Xmx256m"), configuration);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
