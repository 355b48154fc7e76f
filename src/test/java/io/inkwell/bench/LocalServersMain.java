package io.inkwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;

import io.inkwell.config.local.ExternalServersResource;

/**
 * Starts the embedded PostgreSQL and Redis (plus throw-away JWT keys) and keeps them running, for
 * trying the packaged jar or the native binary by hand, as an operator would configure them:
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.inkwell.bench.LocalServersMain &amp;
 * . target/local-servers.env &amp;&amp; target/inkwell-1.0.0-SNAPSHOT-runner
 * </pre>
 */
public final class LocalServersMain {

    private LocalServersMain() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        StringJoiner env = new StringJoiner("\n", "", "\n");
        for (Map.Entry<String, String> setting : ExternalServersResource.configuration().entrySet()) {
            String name = setting.getKey();
            String value = setting.getValue();
            if (value.contains("-----BEGIN")) { // PEM keys travel as files, like mounted secrets
                Path pem = target.resolve("local-" + name.replace('.', '-') + ".pem");
                Files.writeString(pem, value);
                name = name + ".location";
                value = pem.toString();
            }
            env.add("export " + name.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "='" + value + "'");
        }
        Path file = target.resolve("local-servers.env");
        Files.writeString(file, env.toString());
        System.out.println("Servers running; settings in " + file + ". Stop with Ctrl-C.");
        Thread.currentThread().join();
    }
}
