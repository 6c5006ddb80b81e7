package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.live.CaptureCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code rrr} command line; also the main class of the job jar submitted to Flink. Errors are
 * one line each, with the exit codes of {@link ExitCodes}: see {@link #commandLine()}.
 */
@Command(name = "rrr", mixinStandardHelpOptions = true, version = "rrr 0.1.0",
        description = "RRRalgorithms: real-time crypto market data on Apache Flink.",
        subcommands = {RunCommand.class, ReplayCommand.class, CaptureCommand.class, JobCommand.class, MigrateCommand.class, MaintainCommand.class, TrainCommand.class, EvaluateCommand.class,
                RetrainCommand.class, AnnounceModelCommand.class, RiskCommandCommand.class, PaperReportCommand.class,
                ReportCommand.class,
                BenchCommand.class, UiCommand.class, DoctorCommand.class, FetchSamplesCommand.class})
public class Rrr implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "on an error, also print its stack trace")
    boolean verbose;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The command line with one-line errors (parse and execution): what main runs, and tests in-process. */
    public static CommandLine commandLine() {
        OneLineErrors errors = new OneLineErrors();
        CommandLine cmd = new CommandLine(new Rrr())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        for (CommandLine c : List.of(cmd, cmd.getSubcommands().get("run"), cmd.getSubcommands().get("replay"),
                cmd.getSubcommands().get("job"))) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
        }
        showDefaults(cmd);
        GroupedOptionList.install(cmd);
        // the terminal's width where it can be read; else 100 columns, so that values rarely wrap
        cmd.setUsageHelpAutoWidth(true);
        cmd.setUsageHelpWidth(100);
        return cmd;
    }

    /** Every option's help shows its default: no description repeats it by hand. */
    private static void showDefaults(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().showDefaultValues(true);
        cmd.getSubcommands().values().forEach(Rrr::showDefaults);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
