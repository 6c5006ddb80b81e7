package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import java.io.IOException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every risk command right behind the control source, keyed by the account it names, in
 * topic order (one partition): the signature ({@link RiskCommandAuth}) and, against replays, that
 * its signed time is after the last accepted command's of that account. The decision depends only
 * on the records and their order in the topic, never on when they arrive, so a replay of the
 * topic refuses exactly the same commands. A refused command goes on with its {@code refusal}:
 * the trading engine records it ({@code command_refused}) and applies nothing.
 */
public class RiskCommandVerifier extends KeyedProcessFunction<String, RiskCommand, RiskCommand> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RiskCommandVerifier.class);
    public static final String ACC_REFUSED = "trading.commandsRefused";

    private final RiskCommandAuth.KeySource keySource;

    private transient byte[] key;
    private transient String keyProblem;
    private transient ValueState<Long> lastAcceptedMs;
    private transient Counter refusedMetric;
    private transient LongCounter refused;

    public RiskCommandVerifier(RiskCommandAuth.KeySource keySource) {
        this.keySource = keySource;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        lastAcceptedMs = getRuntimeContext().getState(new ValueStateDescriptor<>("last-accepted-command-ms", Types.LONG));
        refusedMetric = getRuntimeContext().getMetricGroup().counter("riskCommandsRefused");
        refused = getRuntimeContext().getLongCounter(ACC_REFUSED);
        try {
            key = keySource.resolve(System::getenv);
            if (key == null) {
                LOG.warn("no risk command key ({}): every risk command will be refused", keySource.describe());
            }
        } catch (IOException e) {
            // fail closed: commands are refused (and say why), the job runs on
            keyProblem = "the risk command key cannot be read (" + keySource.describe() + "): " + e.getMessage();
            LOG.error("{}; every risk command will be refused", keyProblem);
        }
    }

    @Override
    public void processElement(RiskCommand c, Context ctx, Collector<RiskCommand> out) throws Exception {
        String why = keyProblem != null && key == null ? keyProblem : RiskCommandAuth.refusal(c, key);
        if (why == null) {
            Long last = lastAcceptedMs.value();
            if (last != null && c.signedTimeMs <= last) {
                why = "replayed or out of order: signed at " + c.signedTimeMs + ", not after the last accepted command "
                        + "of " + c.accountId + " (" + last + ")";
            } else {
                lastAcceptedMs.update(c.signedTimeMs);
            }
        }
        if (why != null) {
            c.refusal = why;
            c.timeMs = c.recordTimeMs; // recorded when it arrived: its signed time is not to be trusted
            refused.add(1);
            refusedMetric.inc();
            LOG.warn("risk command refused: {}: {}", c, why);
        }
        out.collect(c);
    }
}
