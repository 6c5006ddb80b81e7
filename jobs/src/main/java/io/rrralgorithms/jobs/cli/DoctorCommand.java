package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.UserDataFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rrr doctor}: what the local run needs, one line each ({@code ok}, {@code warn} or
 * {@code FAIL} and what to do): Java, Maven, PostgreSQL (or the embedded fallback), the default
 * ports, the recorded data, the user data folder, TensorFlow's native library. Exit 0 unless a
 * check failed (a warning is something the run works around).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check what the local run needs, one line each: Java, Maven, PostgreSQL (or the embedded "
                + "fallback), the default ports, the recorded data, the user data folder, TensorFlow's natives.",
                "Exit code 0 unless a check failed ('warn' lines are worked around by the run)."})
public class DoctorCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "the recorded data folder the README's commands read (rrr fetch-samples fills it)")
    Path data;

    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    @Override
    public Integer call() {
        java();
        maven();
        postgres();
        port(RunCommand.DEFAULT_WEB_PORT, "the Flink web UI");
        port(RunCommand.DEFAULT_KAFKA_PORT, "the embedded Kafka broker");
        data();
        userDataFolder();
        tensorflow();
        lines.forEach(System.out::println);
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private void ok(String what, String detail) {
        lines.add(String.format("ok    %-12s %s", what, detail));
    }

    private void warn(String what, String detail) {
        lines.add(String.format("warn  %-12s %s", what, detail));
    }

    private void fail(String what, String detail) {
        failed = true;
        lines.add(String.format("FAIL  %-12s %s", what, detail));
    }

    private void java() {
        int feature = Runtime.version().feature();
        String v = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        if (feature >= 17) {
            ok("java", v);
        } else {
            fail("java", v + ": Java 17 or newer is needed");
        }
    }

    private void maven() {
        try {
            Process p = new ProcessBuilder("mvn", "-v").redirectErrorStream(true).start();
            String first;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                first = r.readLine();
                while (r.readLine() != null) {
                    // drain
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                warn("maven", "mvn -v did not answer in 30 s");
                return;
            }
            String version = first == null ? "" : first.replaceAll("\u001b\\[[0-9;]*m", "").strip();
            Matcher m = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)").matcher(version);
            if (p.exitValue() == 0 && m.find()) {
                int major = Integer.parseInt(m.group(1));
                int minor = Integer.parseInt(m.group(2));
                if (major > 3 || (major == 3 && minor >= 6)) {
                    ok("maven", version);
                } else {
                    fail("maven", version + ": Maven 3.6 or newer is needed (./rrr builds with it)");
                }
            } else {
                fail("maven", "mvn -v failed: " + version);
            }
        } catch (Exception e) {
            fail("maven", "mvn not found on the PATH: install Maven 3.6+ (./rrr builds with it)");
        }
    }

    private void postgres() {
        String url = LocalDatabase.defaultUrl();
        Matcher m = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/.*").matcher(url);
        String host = m.matches() ? m.group(1) : "127.0.0.1";
        int port = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 5432;
        if (LocalDatabase.listens(host, port)) {
            ok("postgresql", "a server answers at " + host + ":" + port + " (rrr run writes there)");
            return;
        }
        String resource = embeddedBinaries();
        if (resource != null && LocalDatabase.class.getResource("/" + resource) != null) {
            ok("postgresql", "none at " + host + ":" + port + ": rrr run starts the embedded PostgreSQL ("
                    + resource + ")");
        } else {
            fail("postgresql", "none at " + host + ":" + port + " and no embedded PostgreSQL binaries for this "
                    + "platform (" + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "): start a server or give --jdbc-url");
        }
    }

    /** The archive zonky's binary resolver looks for on this platform. */
    private static String embeddedBinaries() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : os.contains("linux") ? "linux"
                : null;
        String hw = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : null; // zonky's names
        if (system == null || hw == null) {
            return null;
        }
        return "postgres-" + system + "-" + hw + ".txz";
    }

    private void port(int port, String what) {
        if (LocalDatabase.listens("127.0.0.1", port)) {
            warn("port " + port, "taken (" + what + "): rrr run takes a free one and prints it");
        } else {
            ok("port " + port, "free (" + what + ")");
        }
    }

    private void data() {
        Path market = data.resolve("market");
        List<String> missing = new ArrayList<>();
        for (String folder : List.of("binance-spot", "binance-usdm", "cryptofeed")) {
            if (!Files.isDirectory(market.resolve(folder))) {
                missing.add(folder);
            }
        }
        Path shown = data.toAbsolutePath().normalize();
        if (missing.isEmpty()) {
            ok("data", shown + " has the sample captures");
        } else {
            warn("data", shown + "/market lacks " + String.join(", ", missing) + ": rrr fetch-samples downloads them");
        }
    }

    private void userDataFolder() {
        Path dir = UserDataFolder.get();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isWritable(existing)) {
            ok("data folder", dir + (Files.exists(dir.resolve("postgres")) ? " (holds the embedded PostgreSQL)" : ""));
        } else {
            fail("data folder", dir + " cannot be created: set " + UserDataFolder.ENV + " to a writable folder");
        }
    }

    private void tensorflow() {
        try {
            ok("tensorflow", "native library " + TensorFlow.version() + " loads (train, score)");
        } catch (Throwable e) { // UnsatisfiedLinkError and the like: the natives of this platform are missing
            fail("tensorflow", "the native library does not load (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): train and --model-dir need it");
        }
    }
}
