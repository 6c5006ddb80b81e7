package io.rrralgorithms.jobs.local;

import java.nio.file.Path;

/**
 * Where the local commands keep what outlives a run without a {@code --state-dir}: the embedded
 * PostgreSQL's data and binaries. In this order: the system property {@value #PROPERTY}, the
 * environment variable {@value #ENV}, {@code $XDG_DATA_HOME/rrr}, {@code $HOME/.local/share/rrr}.
 */
public final class UserDataFolder {
    public static final String PROPERTY = "rrr.data-dir";
    public static final String ENV = "RRR_DATA_DIR";

    private UserDataFolder() {}

    public static Path get() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENV);
        }
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "rrr").toAbsolutePath().normalize();
        }
        String home = System.getenv("HOME"); // as the shell has it (the JVM's user.home ignores it)
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "share",
                "rrr");
    }
}
