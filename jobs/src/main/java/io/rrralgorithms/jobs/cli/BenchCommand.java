package io.rrralgorithms.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (see README).")
public class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not implemented yet");
        return 1;
    }
}
