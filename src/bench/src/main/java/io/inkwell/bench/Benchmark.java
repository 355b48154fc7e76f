package io.inkwell.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.gatling.app.Gatling$;

/**
 * Inkwell's load benchmark: seeds (or reuses) a data set, drives every scenario with Gatling, measures
 * the database's ceiling for the read scenarios' SQL, prints the plans, and prints one table of it all.
 * See README.md, "Performance", for the commands; settings in {@link BenchSettings}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if ("dev-loop".equals(System.getProperty("bench.mode"))) {
            String runs = System.getProperty("bench.runs", "");
            DevLoop.measure(runs.isBlank() ? 3 : Integer.parseInt(runs.strip()));
            return;
        }
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.out());
        int exit;
        try (App app = settings.start() ? App.start(settings) : null) {
            String target = app != null ? app.url : settings.target();
            if (target == null) {
                throw new IllegalArgumentException("Give -Dbench.target=http://host:port of a running Inkwell, or -Dbench.start");
            }
            exit = run(settings, target, database(settings, app), app);
        }
        System.exit(exit);
    }

    private static int run(BenchSettings settings, String target, Db db, App app) throws Exception {
        String loadBefore = loadAverage();
        Http http = new Http(target);
        ApiSeeder.Shape shape = switch (settings.size()) {
            case SMOKE -> ApiSeeder.SMOKE;
            case SMALL -> ApiSeeder.SMALL;
            case MILLION -> SqlSeeder.MILLION;
        };
        if (db.seeded(shape.prefix())) {
            System.out.printf("Reusing the %s data set seeded earlier in %s%n", settings.size(), db.url());
            // Earlier runs' comment scenarios added thousands of comments to the fixture's articles,
            // which would slow the comments read run after run.
            System.out.printf("Removed %d comments earlier runs wrote%n",
                    db.update("DELETE FROM comments WHERE body = '" + Scenarios.COMMENT_BODY + "'"));
        } else if (settings.size() == BenchSettings.Size.MILLION) {
            SqlSeeder.seed(db, http);
        } else {
            new ApiSeeder(http, shape).seed(db);
        }
        Fixture fixture = Fixture.load(db, http, shape);
        Fixture.current = fixture;
        InkwellSimulation.settings = settings;
        InkwellSimulation.target = target;
        Path results = settings.out().resolve("gatling");
        long rssBefore = app == null ? -1 : app.rssMib();
        ListSql sql = new CurrentSql();
        Map<String, Supplier<ListSql.Request>> reads = Ceiling.requests(fixture);
        Map<String, Double> ceiling = new LinkedHashMap<>();
        int gatling = 0;
        boolean first = true;
        // One scenario at a time, each read's ceiling right after it: other work on the machine then
        // weighs on both alike.
        for (String scenario : Scenarios.NAMES) {
            if (!settings.runs(scenario)) {
                continue;
            }
            InkwellSimulation.only = scenario;
            InkwellSimulation.warmUp = first;
            first = false;
            // Live delivery is timed during the mix, the realistic load.
            try (LiveProbe probe = scenario.equals("mix") ? LiveProbe.start(target, fixture) : null) {
                gatling = Math.max(gatling, Gatling$.MODULE$.fromArgs(new String[] {"-s", InkwellSimulation.class.getName(),
                        "-rf", results.toString(), "-rd", scenario + ", " + settings.size() + " data, " + settings.users() + " users"}));
            }
            if (settings.ceiling() && reads.containsKey(scenario)) {
                ceiling.put(scenario, Ceiling.measure(db, sql, reads.get(scenario), settings, scenario));
            }
        }
        long rssAfter = app == null ? -1 : app.rssMib();
        Plans.explain(db, sql, fixture, settings.out().resolve("plans.txt"), settings.size() == BenchSettings.Size.MILLION);
        Summary summary = new Summary(settings, Recorder.lines(), ceiling, rssBefore, rssAfter, loadBefore, loadAverage());
        summary.print();
        summary.write(settings.out().resolve("summary.md"));
        return gatling != 0 ? gatling : summary.failures() > 0 ? 1 : 0;
    }

    /** Other work on the machine skews every figure; the summary says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The application's database: as given, as started, as configured for Quarkus, or dev mode's. */
    private static Db database(BenchSettings settings, App app) throws Exception {
        if (settings.jdbcUrl() != null) {
            return new Db(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        }
        if (app != null && app.servers.containsKey("quarkus.datasource.jdbc.url")) {
            Map<String, String> servers = app.servers;
            return new Db(servers.get("quarkus.datasource.jdbc.url"), servers.get("quarkus.datasource.username"),
                    servers.get("quarkus.datasource.password"));
        }
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Db(url, System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        }
        Path devPid = App.ROOT.resolve("target/inkwell-dev/postgres/postmaster.pid");
        if (Files.exists(devPid)) {
            String port = Files.readAllLines(devPid).get(3).strip();
            System.out.println("Using dev mode's embedded PostgreSQL on port " + port);
            return new Db("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
        }
        throw new IllegalArgumentException("Give the application's database: -Dbench.jdbc-url=jdbc:postgresql://... "
                + "(-Dbench.jdbc-user, -Dbench.jdbc-password) or QUARKUS_DATASOURCE_JDBC_URL");
    }
}
