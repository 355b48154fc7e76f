package io.inkwell.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A dedicated redis-server for tests that must stop, freeze or restart it: the binary shipped in the
 * embedded-redis artifact, started as a child process so the test holds its pid. Without persistence,
 * so a restart comes back empty, as a cache-only Redis does in production.
 */
public final class RedisProcess implements AutoCloseable {

    public final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    public static RedisProcess start() throws IOException, InterruptedException {
        RedisProcess redis = new RedisProcess(freePort());
        redis.restart();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, empty) on the same port and waits until it answers PING. */
    public void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server is still running");
        }
        process = new ProcessBuilder(List.of(binary().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "redis-process-" + port + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answersPing()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            Thread.sleep(10);
        }
    }

    /** SIGKILL: connections are refused from now on, and everything stored is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGSTOP: connections are still accepted by the kernel, but nothing is ever answered. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the frozen server goes on, with its data, and answers what was queued meanwhile. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    public boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill(); // SIGKILL ends a stopped process too
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** The linux/macOS binary inside the embedded-redis jar, copied out once per build. */
    private static synchronized Path binary() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "amd64";
        String name = os.equals("linux") && arch.equals("arm64") ? "redis-server-6.2.7-linux-arm64"
                : "redis-server-6.2.6-v5-" + os + "-" + arch;
        Path target = Path.of("target", "redis-process", name).toAbsolutePath();
        if (!Files.isExecutable(target)) {
            Files.createDirectories(target.getParent());
            try (InputStream in = RedisProcess.class.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("No " + name + " in the embedded-redis artifact");
                }
                Path temp = Files.createTempFile(target.getParent(), name, ".tmp");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                temp.toFile().setExecutable(true);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
