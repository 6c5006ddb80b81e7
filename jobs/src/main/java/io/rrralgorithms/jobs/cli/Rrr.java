package io.rrralgorithms.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rrr} command line; also the main class of the job jar submitted to Flink. */
@Command(name = "rrr", mixinStandardHelpOptions = true, version = "rrr 0.1.0",
        description = "RRRalgorithms: real-time crypto market data on Apache Flink.",
        subcommands = {RunCommand.class, ReplayCommand.class, CaptureCommand.class, JobCommand.class, MigrateCommand.class, TrainCommand.class,
                RetrainCommand.class, AnnounceModelCommand.class, PaperReportCommand.class,
                BenchCommand.class})
public class Rrr implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Rrr()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
