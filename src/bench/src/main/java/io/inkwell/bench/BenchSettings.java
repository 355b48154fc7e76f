package io.inkwell.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures, from {@code -Dbench.*} system properties (bench/pom.xml forwards them and
 * holds the defaults). Empty values count as absent.
 *
 * @param target      URL of a running Inkwell; absent with {@code start}
 * @param start       start the packaged jar (prod profile) first, against configured or embedded servers
 * @param rebuild     build the jar even when target/quarkus-app exists
 * @param app         the packaged application to start: a quarkus-app directory (default: the project's)
 * @param appJvm      JVM options of the started jar, e.g. {@code -XX:MaxRAM=256m}
 * @param appArgs     more {@code -Dkey=value} settings for the started jar
 * @param jdbcUrl     the application's database, for SQL seeding, the JDBC ceiling and the plans
 * @param size        {@link Size}: smoke, small or million
 * @param users       concurrent HTTP users, and JDBC threads of the ceiling
 * @param seconds     measured seconds per scenario
 * @param warmup      seconds of warm-up over all scenarios before measuring
 * @param scenarios   names of the scenarios to run; empty for all
 * @param ceiling     measure the JDBC ceiling of the list SQL
 */
record BenchSettings(String target, boolean start, boolean rebuild, Path app, List<String> appJvm, List<String> appArgs,
        String jdbcUrl, String jdbcUser, String jdbcPassword, Size size, int users, Duration seconds,
        Duration warmup, List<String> scenarios, boolean ceiling, Path out) {

    enum Size {
        /** A few seconds in all, for the application's verify. */
        SMOKE,
        /** 200 users, 2,000 articles and 2,000 comments, through the API. */
        SMALL,
        /** 100,000 users, 1,000,000 articles, 5,000,000 favorites, loaded with SQL. */
        MILLION
    }

    static BenchSettings fromSystemProperties() {
        Size size = Size.valueOf(value("bench.size", "small").toUpperCase());
        boolean smoke = size == Size.SMOKE;
        return new BenchSettings(
                value("bench.target", null),
                flag("bench.start"),
                flag("bench.rebuild"),
                Path.of(value("bench.app", "../../target/quarkus-app")).toAbsolutePath().normalize(),
                words(value("bench.app-jvm", "")),
                words(value("bench.app-args", "")),
                value("bench.jdbc-url", null),
                value("bench.jdbc-user", null),
                value("bench.jdbc-password", null),
                size,
                Integer.parseInt(value("bench.users", smoke ? "2" : "32")),
                Duration.ofSeconds(Long.parseLong(value("bench.seconds", smoke ? "1" : "20"))),
                Duration.ofSeconds(Long.parseLong(value("bench.warmup", smoke ? "1" : "20"))),
                words(value("bench.scenarios", "").replace(',', ' ')),
                Boolean.parseBoolean(value("bench.ceiling", "true")),
                Path.of("target", "bench").toAbsolutePath());
    }

    boolean runs(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    private static String value(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static boolean flag(String name) {
        String value = System.getProperty(name);
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
