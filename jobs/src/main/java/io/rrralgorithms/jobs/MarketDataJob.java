package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.bars.LateTradeCounter;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.bars.TradeBarAggregate;
import io.rrralgorithms.jobs.bars.TradeBarWindowFunction;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBookFunction;
import io.rrralgorithms.jobs.book.ResyncSink;
import io.rrralgorithms.jobs.decode.DeadLetterRouter;
import io.rrralgorithms.jobs.decode.GuardedWatermarks;
import io.rrralgorithms.jobs.decode.TradeDedupFunction;
import io.rrralgorithms.jobs.features.FeatureFunction;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.scoring.ModelAnnouncement;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.scoring.Scoring;
import io.rrralgorithms.jobs.scoring.ScoringOperator;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.PnlSnapshot;
import io.rrralgorithms.jobs.trading.PositionSnapshot;
import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskEvent;
import io.rrralgorithms.jobs.trading.flink.Trading;
import io.rrralgorithms.jobs.trading.flink.TradingOperator;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The market-data job: raw frames from Kafka → decode (dead letters aside) → per-instrument order
 * book → event-time features, 1 s book samples and 1 min trade bars → sinks. Takes its source and
 * sinks as arguments so that tests inject their own (as in apache/flink-training).
 */
public class MarketDataJob {
    public static final OutputTag<MarketEvent> LATE_TRADES = new OutputTag<>("late-trades") {};

    private final Source<MarketEvent, ?, ?> source;
    private final Source<ModelAnnouncement, ?, ?> modelControl;
    private final Source<RiskCommand, ?, ?> riskControl;
    private final List<MarketDataSinks> sinks;
    private final JobOptions options;

    public MarketDataJob(Source<MarketEvent, ?, ?> source, List<MarketDataSinks> sinks, JobOptions options) {
        this(source, null, sinks, options);
    }

    /**
     * @param modelControl model announcements (the control topic), or null; used only when
     *     {@code options.scoring()} is enabled
     */
    public MarketDataJob(Source<MarketEvent, ?, ?> source, Source<ModelAnnouncement, ?, ?> modelControl,
            List<MarketDataSinks> sinks, JobOptions options) {
        this(source, modelControl, null, sinks, options);
    }

    /**
     * @param riskControl risk commands (the risk control topic), or null; used only when
     *     {@code options.trading()} is enabled
     */
    public MarketDataJob(Source<MarketEvent, ?, ?> source, Source<ModelAnnouncement, ?, ?> modelControl,
            Source<RiskCommand, ?, ?> riskControl, List<MarketDataSinks> sinks, JobOptions options) {
        this.source = source;
        this.modelControl = modelControl;
        this.riskControl = riskControl;
        this.sinks = sinks;
        this.options = options;
    }

    /**
     * Watermarks per source split from the exchange's event time (receive time where a frame has
     * none), guarded against single bad elements ({@link GuardedWatermarks}).
     */
    public static WatermarkStrategy<MarketEvent> watermarks(Duration outOfOrderness, Duration idleness) {
        long bound = outOfOrderness.toMillis();
        WatermarkStrategy<MarketEvent> w = WatermarkStrategy.<MarketEvent>forGenerator(ctx -> new GuardedWatermarks(bound))
                .withTimestampAssigner((e, recordTs) -> e.eventTimeMs());
        return idleness == null || idleness.isZero() || idleness.isNegative() ? w : w.withIdleness(idleness);
    }

    /**
     * Idleness only where it is needed: an unbounded source whose partitions can go quiet. A
     * bounded source (a backfill) drops a partition from the watermark when it is drained, and
     * idleness (processing time) would make the result depend on how fast it ran: a partition
     * paused by backpressure counts as idle, downstream channels wake up at different moments, and
     * an operator joining several of them (trading: books, trades and scores) could see its
     * watermark pass elements still in flight.
     */
    static Duration idlenessFor(Source<?, ?, ?> source, Duration configured) {
        return source.getBoundedness() == org.apache.flink.api.connector.source.Boundedness.BOUNDED
                ? Duration.ZERO : configured;
    }

    /** Builds the pipeline on {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        // Every type on the wire is a POJO or a basic type: fail fast rather than fall back to Kryo.
        org.apache.flink.configuration.Configuration noKryo = new org.apache.flink.configuration.Configuration();
        noKryo.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        SingleOutputStreamOperator<MarketEvent> events = env
                .fromSource(source, watermarks(options.outOfOrderness(), idlenessFor(source, options.sourceIdleness())),
                        "raw-frames")
                .uid("raw-frames")
                .process(new DeadLetterRouter())
                .name("dead-letter-router")
                .uid("dead-letter-router");
        DataStream<DeadLetter> deadLetters = events.getSideOutput(DeadLetterRouter.DEAD_LETTERS);

        SingleOutputStreamOperator<BookTop> bookTops = events
                .filter(e -> e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT)
                .name("book-events")
                .keyBy(MarketEvent::instrumentKey)
                .process(new OrderBookFunction(options.depthLevels(), options.maxPendingDiffs()))
                .name("order-book")
                .uid("order-book");
        DataStream<BookGap> gaps = bookTops.getSideOutput(OrderBookFunction.GAPS);

        // a trade delivered twice (a replayed frame, a redelivery) is counted once
        DataStream<MarketEvent> trades = events.filter(e -> e.type == EventType.TRADE).name("trades")
                .keyBy(MarketEvent::instrumentKey)
                .process(new TradeDedupFunction())
                .name("trade-dedup")
                .uid("trade-dedup");

        SingleOutputStreamOperator<FeatureRow> features = bookTops
                .keyBy(BookTop::instrumentKey)
                .connect(trades.keyBy(MarketEvent::instrumentKey))
                .process(new FeatureFunction(options.depthLevels()))
                .name("features")
                .uid("features");
        DataStream<BookTop> bookSamples = features.getSideOutput(FeatureFunction.BOOK_SAMPLES);

        SingleOutputStreamOperator<TradeBar> bars = trades
                .keyBy(MarketEvent::instrumentKey)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .sideOutputLateData(LATE_TRADES)
                .aggregate(new TradeBarAggregate(), new TradeBarWindowFunction())
                .name("trade-bars-1m")
                .uid("trade-bars-1m");
        bars.getSideOutput(LATE_TRADES).process(new LateTradeCounter()).name("late-trades").uid("late-trades")
                .sinkTo(new DiscardingSink<>()).name("late-trades-discard").uid("late-trades-discard");

        bookSamples = counted(bookSamples, "book_top");
        features = counted(features, "features");
        bars = counted(bars, "trade_bars_1m");
        gaps = counted(gaps, "book_gaps");
        if (options.resync() != null) {
            gaps.sinkTo(ResyncSink.create(options.resync().bootstrapServers(),
                    options.resync().topic(), options.resync().kafkaProperties())).name("sink-resync-requests").uid("sink-resync-requests");
        }
        deadLetters = counted(deadLetters, "dead_letters");

        DataStream<Score> scores = null;
        DataStream<ModelEvent> modelEvents = null;
        if (options.scoring().enabled()) {
            DataStream<ModelAnnouncement> announcements = null;
            if (modelControl != null) {
                announcements = env.fromSource(modelControl, WatermarkStrategy.noWatermarks(), "model-control")
                        .setParallelism(1).uid("model-control");
            }
            SingleOutputStreamOperator<Score> scored = Scoring.attach(features, announcements, options.scoring());
            modelEvents = counted(scored.getSideOutput(ScoringOperator.MODEL_EVENTS), "model_events");
            scores = counted(scored, "scores");
        }

        DataStream<Order> orders = null;
        DataStream<Fill> fills = null;
        DataStream<PositionSnapshot> positions = null;
        DataStream<PnlSnapshot> pnl = null;
        DataStream<RiskEvent> riskEvents = null;
        if (options.trading().enabled()) {
            if (scores == null) {
                throw new IllegalStateException("trading needs scores: turn scoring on");
            }
            DataStream<RiskCommand> commands = null;
            if (riskControl != null) {
                // commands carry their record time; the trading operator ignores this input's watermarks
                commands = env.fromSource(riskControl, WatermarkStrategy.noWatermarks(), "risk-control")
                        .setParallelism(1).uid("risk-control");
            }
            SingleOutputStreamOperator<Order> traded = Trading.attach(bookTops, trades, scores, commands,
                    options.trading());
            fills = counted(traded.getSideOutput(TradingOperator.FILLS), "fills");
            positions = counted(traded.getSideOutput(TradingOperator.POSITIONS), "positions");
            pnl = counted(traded.getSideOutput(TradingOperator.PNL), "pnl");
            riskEvents = counted(traded.getSideOutput(TradingOperator.RISK_EVENTS), "risk_events");
            orders = counted(traded, "orders");
        }

        for (MarketDataSinks s : sinks) {
            if (orders != null) {
                attach(orders, s.orders(), "orders", s);
                attach(fills, s.fills(), "fills", s);
                attach(positions, s.positions(), "positions", s);
                attach(pnl, s.pnl(), "pnl", s);
                attach(riskEvents, s.riskEvents(), "risk-events", s);
            }
            if (scores != null) {
                attach(scores, s.scores(), "scores", s);
                attach(modelEvents, s.modelEvents(), "model-events", s);
            }
            attach(bookTops, s.bookUpdates(), "book-updates", s);
            attach(bookSamples, s.bookSamples(), "book-top", s);
            attach(features, s.features(), "features", s);
            attach(bars, s.tradeBars(), "trade-bars", s);
            attach(gaps, s.gaps(), "book-gaps", s);
            attach(deadLetters, s.deadLetters(), "dead-letters", s);
        }
    }

    private static <T> SingleOutputStreamOperator<T> counted(DataStream<T> stream, String table) {
        return stream.process(new RowCounter<T>(table)).returns(stream.getType()).name("count-" + table)
                .uid("count-" + table);
    }

    private static <T> void attach(DataStream<T> stream, Sink<T> sink, String name, MarketDataSinks owner) {
        if (sink != null) {
            String id = "sink-" + name + "-" + owner.getClass().getSimpleName();
            stream.sinkTo(sink).name(id).uid(id);
        }
    }

}
