package io.rrralgorithms.jobs.decision;

import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.WallClock;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.decode.RecentTradeIds;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.OrderStatus;
import io.rrralgorithms.jobs.trading.PnlSnapshot;
import io.rrralgorithms.jobs.trading.PositionSnapshot;
import io.rrralgorithms.jobs.trading.RiskEvent;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.TradingOutput;
import io.rrralgorithms.jobs.trading.TradingState;
import io.rrralgorithms.jobs.trading.flink.StrategyFactory;
import io.rrralgorithms.jobs.trading.flink.TradingOperator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * The per-event decision path in Flink, keyed by instrument: one {@link DecisionEngine} per
 * instrument of this subtask, fed each event of the instrument in its partition's arrival order
 * (book events, BBOs and trades on one input: nothing interleaves two inputs by timing); the rows
 * it makes are scored in micro-batches ({@link MicroBatch}) and their orders, fills, positions, PnL
 * and risk events are emitted at once (orders on the main output, the rest on
 * {@link TradingOperator}'s side outputs). Needs no watermark: event time is only what the rows
 * carry.
 *
 * <p>A batch is scored when it holds {@code batchSize} rows, when its oldest row has waited
 * {@code batchBudgetUs} (checked on every event), when the task thread next turns to its mailbox (a
 * processing-time timer due at once: the input paused), before an instrument with a row in it processes its next event, before every checkpoint
 * barrier and at the end of input. So a row's score and the strategy's view are those of the event
 * that made it, whatever the timing: a replay gives the orders a live run gave.
 *
 * <p>State: the engines live on the heap between checkpoints; before every barrier the dirty ones are
 * written to keyed state (the book, trade ids and features as POJOs, the sub-account as the trading
 * operator's JSON) and dropped from the heap, and an instrument's next event (after a checkpoint or a
 * restore) loads it back from keyed state.
 */
public class DecisionOperator extends AbstractStreamOperator<Order>
        implements OneInputStreamOperator<MarketEvent, Order>, BoundedOneInput {
    public static final String ACC_ROWS = "decision.rows";
    public static final String ACC_ORDERS = "decision.orders";
    public static final String ACC_FILLS = "decision.fills";

    private final DecisionSettings settings;
    private final TradingConfig account;
    private final StrategyFactory strategies;

    private transient BookSynchronizer sync;
    private transient EventScorer scorer;
    private transient Map<String, Instrument> instruments;
    private transient Set<String> dirty;
    private transient MicroBatch batch;
    private transient boolean timerSet;
    private transient Emitter emitter;
    private transient ValueState<OrderBook> bookState;
    private transient ValueState<EventFeatures> featureState;
    private transient ValueState<RecentTradeIds> tradeIdState;
    private transient ValueState<byte[]> accountState;
    private transient ValueState<DecisionClock> clockState;
    private transient LatencyHistogram bookLatency;
    private transient LatencyHistogram featureLatency;
    private transient LatencyHistogram scoreLatency;
    private transient LatencyHistogram orderLatency;
    private transient LongCounter rows;
    private transient LongCounter orders;
    private transient LongCounter fills;

    /** @param account the trading settings each instrument's sub-account gets (its id is replaced) */
    public DecisionOperator(DecisionSettings settings, TradingConfig account, StrategyFactory strategies) {
        this.settings = settings;
        this.account = account;
        this.strategies = strategies;
    }

    /** An instrument's engine with its names. */
    private record Instrument(String key, String feed, String nativeSymbol, DecisionEngine engine) {}

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        var store = context.getKeyedStateStore();
        bookState = store.getState(new ValueStateDescriptor<>("decision-book", OrderBook.class));
        featureState = store.getState(new ValueStateDescriptor<>("decision-features", EventFeatures.class));
        tradeIdState = store.getState(new ValueStateDescriptor<>("decision-trade-ids", RecentTradeIds.class));
        accountState = store.getState(new ValueStateDescriptor<>("decision-account-json",
                TypeInformation.of(byte[].class)));
        clockState = store.getState(new ValueStateDescriptor<>("decision-clock", DecisionClock.class));
    }

    @Override
    public void open() throws Exception {
        super.open();
        sync = new BookSynchronizer(settings.depthLevels(), settings.maxPendingDiffs());
        scorer = settings.scorer();
        instruments = new HashMap<>();
        dirty = new HashSet<>();
        batch = new MicroBatch(settings.batchSize());
        emitter = new Emitter();
        var m = getMetricGroup();
        bookLatency = Latencies.register(m, Latencies.PATH_DECISION, Latencies.STAGE_BOOK);
        featureLatency = Latencies.register(m, Latencies.PATH_DECISION, Latencies.STAGE_FEATURES);
        scoreLatency = Latencies.register(m, Latencies.PATH_DECISION, Latencies.STAGE_SCORE);
        orderLatency = Latencies.register(m, Latencies.PATH_DECISION, Latencies.STAGE_ORDER);
        rows = new LongCounter();
        orders = new LongCounter();
        fills = new LongCounter();
        getRuntimeContext().addAccumulator(ACC_ROWS, rows);
        getRuntimeContext().addAccumulator(ACC_ORDERS, orders);
        getRuntimeContext().addAccumulator(ACC_FILLS, fills);
    }

    @Override
    public void processElement(StreamRecord<MarketEvent> record) throws Exception {
        MarketEvent e = record.getValue();
        String key = (String) getCurrentKey();
        if (batch.contains(key)) {
            flush(); // this instrument decides on its previous row before it moves on
        }
        Instrument inst = instruments.get(key);
        if (inst == null) {
            inst = load(key, e);
        }
        dirty.add(key);
        inst.engine().named(e);
        emitter.ingestNs = e.ingestNs;
        emitter.timeMs = inst.engine().clockMs();
        DecisionEngine.Step step = inst.engine().onEvent(e, emitter);
        emitter.timeMs = inst.engine().clockMs();
        long now = WallClock.nowNs();
        if (step == DecisionEngine.Step.BOOK) {
            bookLatency.recordSince(e.ingestNs, now);
        }
        if (step != DecisionEngine.Step.NONE) {
            featureLatency.recordSince(e.ingestNs, WallClock.nowNs());
            rows.add(1);
            batch.add(key, inst.engine().features(), inst.engine().clockMs(), e.ingestNs, System.nanoTime());
        }
        if (batch.size > 0 && (batch.full() || System.nanoTime() - batch.oldestNs >= settings.batchBudgetUs() * 1000L)) {
            flush();
        } else if (batch.size > 0 && !timerSet) {
            // due at once (a time in the past fires without delay; now would wait for the next ms): it runs
            // when the task thread next looks at its mailbox, so rows that came in a burst meet in one batch
            // and a row after a quiet spell waits for no timer tick
            long due = getProcessingTimeService().getCurrentProcessingTime() - 1;
            timerSet = true;
            getProcessingTimeService().registerTimer(due, t -> {
                timerSet = false;
                flush();
            });
        }
    }

    /** Scores the batch in one call and hands each score to its instrument's strategy. */
    private void flush() {
        int n = batch.size;
        if (n == 0) {
            return;
        }
        scorer.score(batch.rows, n, batch.scores);
        long scored = WallClock.nowNs();
        for (int i = 0; i < n; i++) {
            scoreLatency.recordSince(batch.ingestNs[i], scored);
            Instrument inst = instruments.get(batch.keys[i]);
            emitter.ingestNs = batch.ingestNs[i];
            emitter.timeMs = batch.timesMs[i];
            inst.engine().onScore(inst.feed(), inst.nativeSymbol(), inst.engine().symbol(), batch.scores[i],
                    batch.timesMs[i], scorer.versionId(), emitter);
        }
        batch.clear();
    }

    private Instrument load(String key, MarketEvent e) throws Exception {
        DecisionState state = DecisionEngine.newState(settings.newFeatures());
        OrderBook book = bookState.value();
        if (book != null) { // restored
            state.book = book;
            state.features = featureState.value();
            state.trades = tradeIdState.value();
            byte[] json = accountState.value();
            state.trading = json == null ? new TradingState() : TradingOperator.JSON.readValue(json, TradingState.class);
            DecisionClock clock = clockState.value();
            if (clock != null) {
                state.clockMs = clock.clockMs;
                state.secondEndMs = clock.secondEndMs;
                state.symbol = clock.symbol;
            }
        }
        TradingConfig config = DecisionEngine.forInstrument(account, settings.accountPrefix(), key);
        Instrument inst = new Instrument(key, e.feed, e.nativeSymbol,
                new DecisionEngine(sync, config, strategies.create(config), state));
        instruments.put(key, inst);
        return inst;
    }

    /** Nothing buffered crosses a barrier; the dirty engines' state goes to keyed state for the checkpoint. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        for (String key : dirty) {
            Instrument inst = instruments.get(key);
            if (inst != null) {
                setCurrentKey(key);
                DecisionState s = inst.engine().state();
                bookState.update(s.book);
                featureState.update(s.features);
                tradeIdState.update(s.trades);
                accountState.update(TradingOperator.JSON.writeValueAsBytes(s.trading));
                clockState.update(new DecisionClock(s.clockMs, s.secondEndMs, s.symbol));
                // the heap backend snapshots these objects asynchronously: from now on the instrument works on
                // what value() hands out (a copy while a snapshot holds the original), so it is loaded again
                instruments.remove(key);
            }
        }
        dirty.clear();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() {
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    /** The engines' outputs, stamped with the row's event time and its frame's ingest time. */
    private final class Emitter implements TradingOutput {
        long timeMs;
        long ingestNs;

        @Override
        public void order(Order order) {
            order.ingestNs = ingestNs;
            if (order.status == OrderStatus.PENDING || order.status == OrderStatus.REJECTED) {
                orders.add(1);
                orderLatency.recordSince(ingestNs, WallClock.nowNs()); // a decision: new or refused by risk
            }
            output.collect(new StreamRecord<>(order, timeMs));
        }

        @Override
        public void fill(Fill fill) {
            fill.ingestNs = ingestNs;
            fills.add(1);
            output.collect(TradingOperator.FILLS, new StreamRecord<>(fill, timeMs));
        }

        @Override
        public void position(PositionSnapshot snapshot) {
            output.collect(TradingOperator.POSITIONS, new StreamRecord<>(snapshot, timeMs));
        }

        @Override
        public void pnl(PnlSnapshot snapshot) {
            output.collect(TradingOperator.PNL, new StreamRecord<>(snapshot, timeMs));
        }

        @Override
        public void riskEvent(RiskEvent event) {
            output.collect(TradingOperator.RISK_EVENTS, new StreamRecord<>(event, timeMs));
        }
    }
}
