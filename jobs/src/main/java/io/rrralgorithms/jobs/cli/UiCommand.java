package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.ui.LivePage;
import io.rrralgorithms.jobs.ui.LiveState;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rrr ui}: the live page alone, on the tables of a database the job writes (a job on a
 * cluster, {@code rrr job}, or another machine's {@code rrr run}), until Ctrl-C.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Serve the live page of a running system on localhost until Ctrl-C: each instrument's book, "
                + "last trades, sync state and gaps, each account's equity, positions, open orders and risk state, "
                + "refreshed every second from PostgreSQL; links to the Flink web UI's job page.",
                "rrr run serves the same page itself (--ui-port, --keep-ui)."})
public class UiCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Option(names = "--ui-port", paramLabel = "PORT", description = "port of the live page (0 = any free port); "
            + "unset: " + LivePage.DEFAULT_PORT + ", or a free port when that one is taken")
    Integer uiPort;

    @Option(names = "--flink-ui", paramLabel = "URL", description = "the Flink web UI the page links to, e.g. "
            + "http://localhost:8081 (the job is the latest run's in pipeline_runs); unset: no link")
    String flinkUi;

    @Override
    public Integer call() throws Exception {
        postgres.validate();
        if (uiPort != null) {
            Preflight.port("--ui-port", uiPort);
            Preflight.portFree("--ui-port", "the live page", uiPort);
        }
        if (flinkUi != null && !flinkUi.matches("https?://\\S+")) {
            throw UserError.usage("--flink-ui must be an http(s) URL such as http://localhost:8081, got '" + flinkUi + "'");
        }
        try (LocalDatabase db = postgres.local()) { // the embedded database when no server answers
            return serve(postgres.target(db));
        }
    }

    private Integer serve(PostgresTarget target) throws Exception {
        LocalPipeline.prepareDatabase(target); // one line where the server does not answer; the tables exist
        LivePage page;
        try {
            page = LivePage.start(target, uiPort == null ? LivePage.DEFAULT_PORT : uiPort, uiPort == null, LiveState.MAX_LEVELS);
        } catch (IOException e) {
            throw new UserError(ExitCodes.PORT_TAKEN, "cannot serve the live page on port " + uiPort + ": " + e.getMessage());
        }
        page.flinkJob(flinkUi == null ? null : flinkUi.replaceAll("/+$", ""), null);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "rrr-ui-stop"));
        System.out.println("live page at " + page.url() + " ; Ctrl-C to stop");
        try {
            stop.await();
        } finally {
            page.close();
        }
        return ExitCodes.OK;
    }
}
