package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.report.Downsample;
import io.rrralgorithms.jobs.report.HtmlReport;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rrr report}: the HTML page of a run ({@link HtmlReport}), written to {@code DIR/index.html}.
 * Prints one line: where, what it holds.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/index.html: one self-contained page with plots (inline SVG, no script, nothing "
                + "fetched) of a run's rows in PostgreSQL: the run, each account, each instrument, each model version.")
public class ReportCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write index.html into "
            + "(created if missing)")
    Path out;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "the pipeline_runs row to report: its instruments over "
            + "the event time their rows span (unset: the latest run, or with --from/--to every instrument with rows "
            + "in that range)")
    String run;

    @Option(names = "--from", description = "event-time start, inclusive: ISO instant or epoch ms (unset: all)")
    String from;

    @Option(names = "--to", description = "event-time end, exclusive: ISO instant or epoch ms (unset: all)")
    String to;

    @Option(names = "--account", split = ",", description = "accounts to report (unset: all)")
    List<String> accounts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        UUID runId = null;
        if (run != null) {
            try {
                runId = UUID.fromString(run);
            } catch (IllegalArgumentException e) {
                throw UserError.usage("--run " + run + ": not a run id (a UUID of pipeline_runs)");
            }
        }
        Long fromMs = time("--from", from);
        Long toMs = time("--to", to);
        if (fromMs != null && toMs != null && toMs <= fromMs) {
            throw UserError.usage("--to " + to + " is not after --from " + from);
        }
        postgres.validate();
        HtmlReport.Written w;
        try (LocalDatabase db = postgres.local()) { // the embedded database when no server answers
            w = HtmlReport.write(postgres.target(db), new HtmlReport.Selection(runId, fromMs, toMs, accounts), out);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.INPUT, e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "report: %s (%,d bytes): run %s, %d account(s), %d instrument(s), "
                + "%d model version(s), %,d plotted points (at most %d a series)%n", w.page(), w.bytes(),
                w.runs().isEmpty() ? "-" : w.runs().size() == 1 ? w.runs().get(0) : w.runs().size() + " runs",
                w.accounts(), w.instruments(), w.models(), w.points(), Downsample.MAX_POINTS);
        return ExitCodes.OK;
    }

    private static Long time(String option, String value) {
        try {
            return PaperReportCommand.parseTime(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw UserError.usage(option + " " + value + ": not an ISO instant (2024-08-09T00:00:00Z) or epoch ms");
        }
    }
}
