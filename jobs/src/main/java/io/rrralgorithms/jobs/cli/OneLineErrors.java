package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.local.DatabaseUnavailableException;
import io.rrralgorithms.jobs.local.NoExchangeAnswersException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every error of every command as one line on stderr with its {@link ExitCodes exit code}: parse
 * errors as {@code rrr run: <message> (see rrr run --help)} instead of the full usage, user errors
 * ({@link UserError}, the run's exceptions) as {@code rrr run: <message>}, anything else as
 * {@code rrr run: failed: <cause>}. {@code --verbose} adds the stack trace.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + oneLine(ex.getMessage()) + " (see " + name + " --help)");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        boolean verbose = verbose(parsed);
        int code;
        String line;
        if (ex instanceof UserError e) {
            code = e.exitCode();
            line = name + ": " + oneLine(e.getMessage())
                    + (code == ExitCodes.USAGE ? " (see " + name + " --help)" : "");
        } else if (ex instanceof NoExchangeAnswersException e) {
            code = ExitCodes.NO_EXCHANGE;
            line = oneLine(e.getMessage()); // the line names the endpoints and the recorded-data alternative
        } else if (ex instanceof DatabaseUnavailableException e) {
            code = ExitCodes.DATABASE;
            line = name + ": " + oneLine(e.getMessage());
        } else if (ex instanceof IllegalArgumentException e) {
            // what the commands' own checks (capture configuration, job options) refuse
            code = ExitCodes.USAGE;
            line = name + ": " + oneLine(e.getMessage());
        } else {
            code = ExitCodes.FAILED;
            line = name + ": failed: " + describe(rootCause(ex)) + (restartsExhausted(ex) ? RESTARTS_EXHAUSTED : "")
                    + (verbose ? "" : " (--verbose prints the stack trace)");
        }
        PrintWriter err = cmd.getErr();
        err.println(line);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** --verbose is inherited by the subcommands: matched on whichever level it was given. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static final String RESTARTS_EXHAUSTED = " (the job failed for good: its restart attempts are used up, see "
            + "--restart-attempts)";

    /** Flink's restart strategy gave up: the cause is a failure that came back on every restart. */
    private static boolean restartsExhausted(Throwable t) {
        for (Throwable r = t; r != null && r.getCause() != r; r = r.getCause()) {
            if (r.getMessage() != null && r.getMessage().startsWith("Recovery is suppressed by")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + oneLine(m);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
