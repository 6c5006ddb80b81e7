package io.rrralgorithms.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JVMs started by tests on the test class path, with the opens Flink needs on Java 17 (as ./rrr gives them). */
public final class JavaProcesses {
    public static final List<String> ADD_OPENS = List.of("java.base/java.lang", "java.base/java.util", "java.base/java.io",
            "java.base/java.net", "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.lang.reflect",
            "java.base/java.text", "java.base/java.time", "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic", "java.base/java.math");

    private JavaProcesses() {}

    /** Starts {@code mainClass args} with stdout and stderr into {@code log}. */
    public static Process start(String classPath, List<String> jvmOptions, String mainClass, List<String> args, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ADD_OPENS.forEach(o -> cmd.add("--add-opens=" + o + "=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static Process start(String mainClass, List<String> args, Path log) throws IOException {
        return start(System.getProperty("java.class.path"), List.of("-Xmx1g"), mainClass, args, log);
    }
}
