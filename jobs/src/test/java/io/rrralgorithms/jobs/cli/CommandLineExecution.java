package io.rrralgorithms.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process execution of the {@code rrr} command line, as main runs it, with stdout and stderr captured. */
record CommandLineExecution(int exitCode, String stdout, String stderr, long millis) {
    static CommandLineExecution of(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        long t0 = System.nanoTime();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Rrr.commandLine().execute(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CommandLineExecution(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000L);
    }

    /** The {@code warning: } lines of stderr (the logs may be there too). */
    List<String> warnings() {
        return stderr.lines().filter(l -> l.startsWith("warning: ")).toList();
    }
}
