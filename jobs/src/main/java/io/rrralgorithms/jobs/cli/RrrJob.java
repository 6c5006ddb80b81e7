package io.rrralgorithms.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The main class of the job jar ({@code rrr-jobs-flink.jar}). A job submitted through the REST
 * API or the web UI runs {@code main} inside the JobManager, where {@code System.exit} would end
 * the JobManager itself: so this entry point never exits. It runs the same command line as
 * {@link Rrr} (one-line errors by {@link OneLineErrors}) and turns a non-zero exit code into an
 * exception carrying that line, which the submitter receives as the job's error ({@code flink
 * run} prints it; the REST API returns it).
 */
public final class RrrJob {
    private RrrJob() {}

    public static void main(String[] args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = Rrr.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        String lines = err.toString();
        System.err.print(lines); // the one-line errors, and warnings, where a terminal sees them (flink run)
        System.err.flush();
        if (code != ExitCodes.OK) {
            throw new Failure(code, firstLine(lines, code));
        }
    }

    private static String firstLine(String lines, int code) {
        String s = lines.strip();
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl).strip();
        return line.isEmpty() ? "rrr: exit code " + code : line;
    }

    /** A command that ended with a non-zero exit code: the message is its one-line error. */
    public static final class Failure extends RuntimeException {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
