package io.rrralgorithms.jobs.trading.flink;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.OrderStatus;
import io.rrralgorithms.jobs.trading.PnlSnapshot;
import io.rrralgorithms.jobs.trading.PositionSnapshot;
import io.rrralgorithms.jobs.trading.RiskEvent;
import io.rrralgorithms.jobs.trading.RiskState;
import io.rrralgorithms.jobs.trading.Strategy;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.TradingEngine;
import io.rrralgorithms.jobs.trading.TradingOutput;
import io.rrralgorithms.jobs.trading.TradingState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper trading in the job: one {@link TradingEngine} per account, keyed by account id.
 *
 * <p>Input 1: the market inputs (book tops, trades, scores), each copied to every account. Input
 * 2: risk commands from the control topic, at their record timestamps. Both are buffered in keyed
 * state by event time ({@code MapState<ms, inputs>}) with an event-time timer per millisecond;
 * when the watermark of input 1 passes a millisecond, its inputs go to the engine in a fixed
 * order: book &lt; trade &lt; score &lt; control, then instrument, then arrival (the arrival
 * order of one kind and instrument is the upstream's, which is deterministic). A timer at the end
 * of every second that had inputs calls {@link TradingEngine#onSecond} (quiet seconds report
 * nothing, so the gap between two days' captures does not write 86,400 snapshots). The outputs
 * carry the event time at which they happened; so a replay gives the same rows however the inputs
 * were interleaved in processing time.
 *
 * <p>The control input's watermarks are ignored: commands are rare and must not hold the market
 * back. A command that arrives with a time the watermark has already passed applies at the next
 * millisecond after the watermark (a live kill switch is never dropped). So are late market
 * inputs (counted in {@code trading.lateInputs}).
 *
 * <p>State: the engine's {@link TradingState} is kept as Jackson JSON in a {@code ValueState<byte[]>}
 * (it holds maps and BigDecimals, which Flink's POJO serializer would hand to Kryo, disabled in
 * this job). Serializing it after every timer firing would cost one JSON write per book update;
 * instead the live engines are cached in the operator and written to keyed state in
 * {@link #prepareSnapshotPreBarrier} (and read back lazily after a restore), so a checkpoint
 * holds exactly the state matching the offsets and buffered inputs it records.
 */
public class TradingOperator extends AbstractStreamOperator<Order>
        implements TwoInputStreamOperator<TradingInput, TradingInput, Order>, Triggerable<String, VoidNamespace> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TradingOperator.class);

    public static final OutputTag<Fill> FILLS = new OutputTag<>("fills", TypeInformation.of(Fill.class));
    public static final OutputTag<PositionSnapshot> POSITIONS =
            new OutputTag<>("positions", TypeInformation.of(PositionSnapshot.class));
    public static final OutputTag<PnlSnapshot> PNL = new OutputTag<>("pnl", TypeInformation.of(PnlSnapshot.class));
    public static final OutputTag<RiskEvent> RISK_EVENTS =
            new OutputTag<>("risk-events", TypeInformation.of(RiskEvent.class));

    public static final String ACC_ORDERS = "trading.orders";
    public static final String ACC_REJECTED = "trading.rejected";
    public static final String ACC_FILLS = "trading.fills";
    public static final String ACC_RISK_EVENTS = "trading.riskEvents";
    public static final String ACC_LATE = "trading.lateInputs";

    /** How the engine's {@link TradingState} is kept in keyed state (also by the per-event path). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    private static final Comparator<TradingInput> SAME_MS_ORDER =
            Comparator.<TradingInput>comparingInt(i -> i.kind).thenComparing(TradingInput::instrumentKey);

    private final TradingOptions options;

    private transient Map<String, TradingConfig> configs;
    private transient Map<String, Strategy> strategies;
    private transient Map<String, TradingEngine> engines;
    private transient Set<String> dirty;
    private transient MapState<Long, List<TradingInput>> pending;
    private transient ValueState<byte[]> engineState;
    /** End of the second whose inputs onSecond has not reported yet; null when none. */
    private transient ValueState<Long> openSecondEnd;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient Emitter emitter;
    private transient LongCounter orders;
    private transient LongCounter rejected;
    private transient LongCounter fills;
    private transient LongCounter riskEvents;
    private transient LongCounter late;
    /** Per account of this subtask: its last PnL snapshot, read by the account.<id>.* gauges. */
    private transient Map<String, PnlSnapshot> lastPnl;

    public TradingOperator(TradingOptions options) {
        this.options = options;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        var store = context.getKeyedStateStore();
        pending = store.getMapState(new MapStateDescriptor<>("pending-inputs", Types.LONG,
                Types.LIST(TypeInformation.of(TradingInput.class))));
        engineState = store.getState(new ValueStateDescriptor<>("engine-state-json",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        openSecondEnd = store.getState(new ValueStateDescriptor<>("open-second-end", Types.LONG));
    }

    @Override
    public void open() throws Exception {
        super.open();
        configs = new HashMap<>();
        for (TradingConfig c : options.accounts()) {
            configs.put(c.accountId(), c);
        }
        strategies = new HashMap<>();
        engines = new HashMap<>();
        dirty = new LinkedHashSet<>();
        timers = getInternalTimerService("trading-timers", VoidNamespaceSerializer.INSTANCE, this);
        emitter = new Emitter();
        orders = getRuntimeContext().getLongCounter(ACC_ORDERS);
        rejected = getRuntimeContext().getLongCounter(ACC_REJECTED);
        fills = getRuntimeContext().getLongCounter(ACC_FILLS);
        riskEvents = getRuntimeContext().getLongCounter(ACC_RISK_EVENTS);
        late = getRuntimeContext().getLongCounter(ACC_LATE);
        // the same counts as metrics (accumulators reach no metric reporter)
        var metrics = getMetricGroup();
        metrics.gauge("tradingOrders", (Gauge<Long>) orders::getLocalValue);
        metrics.gauge("tradingRejectedOrders", (Gauge<Long>) rejected::getLocalValue);
        metrics.gauge("tradingFills", (Gauge<Long>) fills::getLocalValue);
        metrics.gauge("tradingRiskEvents", (Gauge<Long>) riskEvents::getLocalValue);
        metrics.gauge("tradingLateInputs", (Gauge<Long>) late::getLocalValue);
        lastPnl = new ConcurrentHashMap<>();
    }

    @Override
    public void processElement1(StreamRecord<TradingInput> element) throws Exception {
        buffer(element.getValue());
    }

    @Override
    public void processElement2(StreamRecord<TradingInput> element) throws Exception {
        buffer(element.getValue());
    }

    private void buffer(TradingInput in) throws Exception {
        long wm = timers.currentWatermark();
        if (in.timeMs <= wm) {
            if (wm == Long.MAX_VALUE) {
                LOG.warn("input after the end of the market input, dropped: {}", in);
                return;
            }
            if (in.kind != TradingInput.CONTROL) {
                late.add(1);
            }
            in.timeMs = wm + 1;
            if (in.control != null) {
                in.control.timeMs = in.timeMs;
            }
        }
        List<TradingInput> l = pending.get(in.timeMs);
        if (l == null) {
            l = new ArrayList<>(2);
        }
        l.add(in);
        pending.put(in.timeMs, l);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, in.timeMs);
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        String account = timer.getKey();
        long t = timer.getTimestamp();
        TradingEngine engine = engine(account);
        Long open = openSecondEnd.value();
        boolean secondEnded = false;
        if (open != null && open <= t) {
            secondEnded = true;
            emitter.timeMs = open;
            engine.onSecond(open, emitter);
            openSecondEnd.clear();
            open = null;
        }
        List<TradingInput> inputs = pending.get(t);
        if (inputs != null) {
            pending.remove(t);
            inputs.sort(SAME_MS_ORDER); // stable: arrival order within a kind and instrument
            emitter.timeMs = t;
            for (TradingInput in : inputs) {
                switch (in.kind) {
                    case TradingInput.BOOK -> engine.onBook(in.book, t, emitter);
                    case TradingInput.TRADE -> engine.onTrade(in.trade, t, emitter);
                    case TradingInput.SCORE -> engine.onScore(in.score, t, emitter);
                    case TradingInput.CONTROL -> engine.onControl(in.control, t, emitter);
                    default -> throw new IllegalStateException("unknown input kind " + in.kind);
                }
            }
            long secondEnd = Math.floorDiv(t, 1000L) * 1000L + 1000L;
            if (open == null) {
                openSecondEnd.update(secondEnd);
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, secondEnd);
            }
        }
        save(account, engine, secondEnded);
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {}

    private TradingEngine engine(String account) throws IOException {
        TradingEngine e = engines.get(account);
        if (e != null) {
            return e;
        }
        TradingConfig config = configs.get(account);
        if (config == null) {
            throw new IllegalStateException("no config for account " + account);
        }
        byte[] json = engineState.value();
        TradingState state = json == null ? new TradingState() : JSON.readValue(json, TradingState.class);
        Strategy strategy = strategies.computeIfAbsent(account, a -> options.strategy().create(config));
        e = new TradingEngine(config, strategy, state);
        engines.put(account, e);
        return e;
    }

    private void save(String account, TradingEngine engine, boolean secondEnded) throws IOException {
        if (options.stateRoundTrip() && secondEnded) {
            engineState.update(JSON.writeValueAsBytes(engine.state()));
            engines.remove(account);
            dirty.remove(account);
        } else {
            dirty.add(account);
        }
    }

    /** The cached engines' state into keyed state, before the barrier: the checkpoint holds it. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flushEngines();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    private void flushEngines() throws IOException {
        for (String account : dirty) {
            TradingEngine engine = engines.get(account);
            if (engine != null) {
                setCurrentKey(account);
                engineState.update(JSON.writeValueAsBytes(engine.state()));
            }
        }
        dirty.clear();
    }

    /** Only the market input drives event time. */
    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        super.processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) {
        if (index == 0) {
            output.emitWatermarkStatus(status);
        }
    }

    /** Risk state as a number for alerting and dashboards: the ordinal of {@link RiskState}. */
    public static final String METRIC_RISK_STATE = "riskState";

    /**
     * The gauges of an account, in the group {@code account} with the account id as variable
     * (Prometheus: {@code ..._operator_account_riskState{account="a1"}}): risk state (0 ACTIVE, 1
     * REDUCING, 2 HALTED), equity, drawdown, gross notional and rejections as of its last second.
     * Registered when the account's first snapshot is written, on the subtask that owns it.
     */
    private void registerAccountGauges(String account) {
        var group = getMetricGroup().addGroup("account", account);
        group.gauge(METRIC_RISK_STATE, (Gauge<Integer>) () -> lastPnl.get(account).riskState.ordinal());
        group.gauge("equity", (Gauge<Double>) () -> lastPnl.get(account).equity.doubleValue());
        group.gauge("drawdown", (Gauge<Double>) () -> lastPnl.get(account).drawdown.doubleValue());
        group.gauge("grossNotional", (Gauge<Double>) () -> lastPnl.get(account).grossNotional.doubleValue());
        group.gauge("rejections", (Gauge<Long>) () -> lastPnl.get(account).rejections);
    }

    /** The engine's outputs, stamped with the event time being processed. */
    private final class Emitter implements TradingOutput {
        long timeMs;

        @Override
        public void order(Order order) {
            if (order.status == OrderStatus.REJECTED) {
                rejected.add(1);
            } else if (order.status == OrderStatus.PENDING) {
                orders.add(1);
            }
            output.collect(new StreamRecord<>(order, timeMs));
        }

        @Override
        public void fill(Fill fill) {
            fills.add(1);
            output.collect(FILLS, new StreamRecord<>(fill, timeMs));
        }

        @Override
        public void position(PositionSnapshot snapshot) {
            output.collect(POSITIONS, new StreamRecord<>(snapshot, timeMs));
        }

        @Override
        public void pnl(PnlSnapshot snapshot) {
            if (lastPnl.put(snapshot.accountId, snapshot) == null) {
                registerAccountGauges(snapshot.accountId);
            }
            output.collect(PNL, new StreamRecord<>(snapshot, timeMs));
        }

        @Override
        public void riskEvent(RiskEvent event) {
            riskEvents.add(1);
            output.collect(RISK_EVENTS, new StreamRecord<>(event, timeMs));
        }
    }
}
