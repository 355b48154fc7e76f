package io.inkwell.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the application logs while open, down to DEBUG for the given categories, as text:
 * messages, and exceptions with their causes, suppressed and chained SQL exceptions. For tests that
 * prove something never reaches a log. Works where the application runs in the test's JVM.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<Logger> verbose = new ArrayList<>();
    private final List<Level> previousLevels = new ArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing; {@code debugCategories} log at DEBUG meanwhile, as an operator might set them. */
    public static LogCapture start(String... debugCategories) {
        LogCapture capture = new LogCapture();
        for (String category : debugCategories) {
            Logger logger = Logger.getLogger(category);
            capture.verbose.add(logger);
            capture.previousLevels.add(logger.getLevel());
            logger.setLevel(Level.FINE);
        }
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(record.getLoggerName() + " " + record.getLevel() + " " + formatter.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            lines.add(trace.toString());
            for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                        lines.add(next.toString());
                    }
                }
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < verbose.size(); i++) {
            verbose.get(i).setLevel(previousLevels.get(i));
        }
    }
}
