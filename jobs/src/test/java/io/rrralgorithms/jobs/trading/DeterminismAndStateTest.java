package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On recorded BTCUSDT spot books and trades with seeded scores: the same inputs give the same
 * outputs, and a state serialized with Jackson mid-run and restored into a new engine continues
 * with exactly the outputs of the uninterrupted run.
 */
class DeterminismAndStateTest {
    /** A field-only mapper, as the Flink operator configures its own. */
    static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    static List<Input> recordedInputs;

    static List<Input> inputs() {
        if (recordedInputs == null) {
            List<Input> rec = recorded("binance-spot/btcusdt_20240808.gz", 6_000);
            Random rnd = new Random(11);
            List<Input> all = new ArrayList<>();
            long nextSecond = -1;
            int n = 0;
            for (Input in : rec) {
                if (nextSecond < 0) {
                    nextSecond = (in.timeMs() / 1000 + 1) * 1000;
                }
                while (in.timeMs() >= nextSecond) {
                    all.add(Input.second(nextSecond));
                    nextSecond += 1000;
                }
                all.add(in);
                if (in.top() != null && n++ % 5 == 0) {
                    all.add(Input.score(score(in.timeMs(), rnd.nextGaussian() * 1.5e-4)));
                }
                if (n == 2_000 && in.top() != null) {
                    RiskCommand kill = new RiskCommand();
                    kill.command = RiskCommand.Kind.KILL;
                    kill.reason = "test";
                    all.add(new Input(in.timeMs(), null, null, null, kill, false));
                }
                if (n == 2_300 && in.top() != null) {
                    RiskCommand act = new RiskCommand();
                    act.command = RiskCommand.Kind.ACTIVATE;
                    all.add(new Input(in.timeMs(), null, null, null, act, false));
                }
            }
            recordedInputs = all;
        }
        return recordedInputs;
    }

    static TradingConfig config(OrderType type) {
        Cfg cfg = new Cfg();
        cfg.type = type;
        cfg.latencyMs = 50;
        cfg.cooldownMs = 500;
        cfg.riskMaxPos = px("0.04"); // below the strategy's 0.05: position_cap fires
        cfg.riskOrders = 15;
        cfg.riskWindowMs = 10_000;
        cfg.band = bd("0.01");
        cfg.reduceDd = bd("20");
        cfg.haltDd = bd("60");
        return cfg.build();
    }

    static Out run(TradingEngine e, List<Input> inputs) {
        Out out = new Out();
        for (Input in : inputs) {
            in.feed(e, out);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(OrderType.class)
    void sameInputsSameOutputsAndStateRoundTrips(OrderType type) throws Exception {
        List<Input> inputs = inputs();
        TradingConfig cfg = config(type);
        Out a = run(new TradingEngine(cfg, new ThresholdStrategy(cfg), new TradingState()), inputs);
        Out b = run(new TradingEngine(cfg, new ThresholdStrategy(cfg), new TradingState()), inputs);
        assertEquals(a.all, b.all);
        assertTrue(a.fills.size() > 20, "fills: " + a.fills.size());
        assertTrue(a.pnls.size() > 100);
        assertTrue(a.risk.stream().anyMatch(r -> r.rule.equals("kill_switch")));
        assertTrue(a.orders.stream().anyMatch(o -> o.status == OrderStatus.REJECTED));

        for (int cut : new int[] {inputs.size() / 3, inputs.size() / 2, 2 * inputs.size() / 3}) {
          for (ObjectMapper mapper : List.of(JSON, FIELDS)) {
            TradingEngine first = new TradingEngine(cfg, new ThresholdStrategy(cfg), new TradingState());
            Out head = run(first, inputs.subList(0, cut));
            String json = mapper.writeValueAsString(first.state());
            TradingState restored = mapper.readValue(json, TradingState.class);
            assertEquals(json, mapper.writeValueAsString(restored));
            TradingEngine second = new TradingEngine(cfg, new ThresholdStrategy(cfg), restored);
            Out tail = run(second, inputs.subList(cut, inputs.size()));
            List<String> joined = new ArrayList<>(head.all);
            joined.addAll(tail.all);
            assertEquals(a.all, joined, "continuation after restoring at input " + cut);
          }
        }
    }
}
