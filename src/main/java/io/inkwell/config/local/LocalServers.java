package io.inkwell.config.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Real servers (and throw-away keys) that dev mode and tests start for themselves. The implementation
 * lives in {@code io.inkwell.config.local.embedded}, which dev mode and tests compile and load but which
 * the prod build leaves out of the jar and the native image (see application.properties, "Servers").
 */
public interface LocalServers {

    /**
     * Starts what is missing, once per JVM, and returns the settings that point at it.
     *
     * @param configured whether a setting already has a value, in which case nothing is started for it
     * @param workDir where dev mode keeps data and keys between runs; {@code null} for throw-away ones
     */
    Map<String, String> startMissing(Predicate<String> configured, Path workDir);
}
