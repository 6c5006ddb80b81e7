package io.rrralgorithms.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "retrain", mixinStandardHelpOptions = true, description = "(being written)")
public class RetrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("not implemented yet");
        return 1;
    }
}
