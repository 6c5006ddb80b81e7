package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.flink.wire.MarketEventTypeInfo;
import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.backfill.EmitFrom;
import io.rrralgorithms.jobs.bars.LateTradeCounter;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.bars.TradeBarAggregate;
import io.rrralgorithms.jobs.bars.TradeBarWindowFunction;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBookFunction;
import io.rrralgorithms.jobs.book.ResyncSink;
import io.rrralgorithms.jobs.decision.DecisionOperator;
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
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.clock.SystemClock;

/**
 * The market-data job: raw frames from Kafka → decode (dead letters aside) → per-instrument order
 * book → event-time features, 1 s book samples and 1 min trade bars → optionally scoring → optionally
 * paper trading → sinks. Takes its sources and sinks as arguments so that tests inject their own (as
 * in apache/flink-training).
 *
 * <p>{@link #build} runs the stages in data-path order, each taking the streams it needs and
 * returning the streams it makes: {@link #decode}, {@link #books}, {@link #dedupTrades},
 * {@link #features}, {@link #tradeBars}, {@link #marketOutputs} (the counted market-data outputs),
 * {@link #score} and {@link #trade} when enabled, then every sink. The operators, their uids and
 * names, and the order they are created in are what checkpoints and savepoints restore by: a stage
 * may not rename or reorder them.
 */
public class MarketDataJob {
    public static final OutputTag<MarketEvent> LATE_TRADES = new OutputTag<>("late-trades", MarketEventTypeInfo.INSTANCE);

    private final Source<MarketEvent, ?, ?> source;
    private final Source<ModelAnnouncement, ?, ?> modelControl;
    private final Source<RiskCommand, ?, ?> riskControl;
    private final List<MarketDataSinks> sinks;
    private final JobOptions options;

    /** Market data only: no model announcements, no risk commands. */
    public MarketDataJob(Source<MarketEvent, ?, ?> source, List<MarketDataSinks> sinks, JobOptions options) {
        this(source, null, null, sinks, options);
    }

    /**
     * @param modelControl model announcements (the control topic), or null; used only when
     *     {@code options.scoring()} is enabled
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
     * Watermarks of an unbounded source: those of {@link #watermarks}, with idleness, and the live
     * tails of {@link GuardedWatermarks#live}: a live partition that has gone quiet follows the wall
     * clock, so the last second and minute of a quiet feed close within the bound.
     */
    public static WatermarkStrategy<MarketEvent> liveWatermarks(Duration outOfOrderness, Duration idleness,
            Duration liveLag) {
        long bound = outOfOrderness.toMillis();
        long idle = idleness == null || idleness.isNegative() ? 0L : idleness.toMillis();
        long lag = liveLag == null || liveLag.isNegative() ? 0L : liveLag.toMillis();
        return WatermarkStrategy.<MarketEvent>forGenerator(
                        ctx -> GuardedWatermarks.live(bound, idle, lag, SystemClock.getInstance()))
                .withTimestampAssigner((e, recordTs) -> e.eventTimeMs());
    }

    /** A bounded source's watermarks come from its frames only; an unbounded one's also from the clock. */
    static WatermarkStrategy<MarketEvent> watermarksFor(Source<?, ?, ?> source, JobOptions options) {
        return source.getBoundedness() == Boundedness.BOUNDED
                ? watermarks(options.outOfOrderness(), idlenessFor(source, options.sourceIdleness()))
                : liveWatermarks(options.outOfOrderness(), options.sourceIdleness(), options.liveLag());
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
        return source.getBoundedness() == Boundedness.BOUNDED ? Duration.ZERO : configured;
    }

    /** Builds the pipeline on {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        // Every type on the wire is a POJO or a basic type: fail fast rather than fall back to Kryo.
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        // low latency: partly filled buffers leave soon, watermarks move often (Flink: 100 ms, 200 ms)
        env.setBufferTimeout(options.latency().bufferTimeoutMs());
        env.getConfig().setAutoWatermarkInterval(options.latency().watermarkIntervalMs());
        if (options.latency().objectReuse()) {
            env.getConfig().enableObjectReuse();
        } else {
            env.getConfig().disableObjectReuse();
        }

        Decoded decoded = decode(env);
        Books books = books(decoded.events());
        SingleOutputStreamOperator<MarketEvent> trades = dedupTrades(decoded.events());
        Features features = features(books.tops(), trades.union(bbos(decoded.events())));
        SingleOutputStreamOperator<TradeBar> bars = tradeBars(trades);
        MarketStreams market = marketOutputs(books, features, bars, decoded.deadLetters(), derivatives(decoded.events()));
        Optional<ScoringStreams> scoring = options.scoring().enabled()
                ? Optional.of(score(env, market.features())) : Optional.empty();
        Optional<TradingStreams> trading = options.trading().enabled()
                ? Optional.of(trade(env, books.tops(), trades.union(trades.getSideOutput(TradeDedupFunction.INSTRUMENTS)),
                        scoring.orElseThrow(
                        () -> new IllegalStateException("trading needs scores: turn scoring on")).scores()))
                : Optional.empty();
        Optional<TradingStreams> decision = options.decision().enabled()
                ? Optional.of(decide(decoded.events())) : Optional.empty();
        for (MarketDataSinks s : sinks) {
            decision.ifPresent(t -> t.sinkTo(s, "decision-", options.backfill()));
            trading.ifPresent(t -> t.sinkTo(s, options.backfill()));
            scoring.ifPresent(t -> t.sinkTo(s, options.backfill()));
            market.sinkTo(s, options.backfill());
        }
    }

    /** Decoded events, and the frames that could not be decoded. */
    private record Decoded(SingleOutputStreamOperator<MarketEvent> events, DataStream<DeadLetter> deadLetters) {}

    /** Book tops after every applied diff, and the gaps the books found. */
    private record Books(SingleOutputStreamOperator<BookTop> tops, DataStream<BookGap> gaps) {}

    /** Feature rows, and the 1 s book samples taken beside them. */
    private record Features(SingleOutputStreamOperator<FeatureRow> rows, DataStream<BookTop> samples) {}

    /** What every run writes, counted (all but the book updates, which are for tests and debugging). */
    private record MarketStreams(DataStream<BookTop> bookUpdates, DataStream<BookTop> bookSamples,
            SingleOutputStreamOperator<FeatureRow> features, DataStream<TradeBar> bars, DataStream<BookGap> gaps,
            DataStream<DeadLetter> deadLetters, DataStream<MarketEvent> derivatives) {
        void sinkTo(MarketDataSinks s, JobOptions.Backfill b) {
            attach(bookUpdates, s.bookUpdates(), "book-updates", s, b);
            attach(derivatives, s.derivatives(), "derivatives", s, b);
            attach(bookSamples, s.bookSamples(), "book-top", s, b);
            attach(features, s.features(), "features", s, b);
            attach(bars, s.tradeBars(), "trade-bars", s, b);
            attach(gaps, s.gaps(), "book-gaps", s, b);
            attach(deadLetters, s.deadLetters(), "dead-letters", s, b);
        }
    }

    /** Scores and model events, counted: when the job scores. */
    private record ScoringStreams(DataStream<Score> scores, DataStream<ModelEvent> modelEvents) {
        void sinkTo(MarketDataSinks s, JobOptions.Backfill b) {
            attach(scores, s.scores(), "scores", s, b);
            attach(modelEvents, s.modelEvents(), "model-events", s, b);
        }
    }

    /** The paper accounts' outputs, counted: when the job trades. */
    private record TradingStreams(DataStream<Order> orders, DataStream<Fill> fills,
            DataStream<PositionSnapshot> positions, DataStream<PnlSnapshot> pnl, DataStream<RiskEvent> riskEvents) {
        void sinkTo(MarketDataSinks s, JobOptions.Backfill b) {
            sinkTo(s, "", b);
        }

        /** Into the same tables; {@code prefix} tells the sinks of the per-event path's streams apart. */
        void sinkTo(MarketDataSinks s, String prefix, JobOptions.Backfill b) {
            attach(orders, s.orders(), prefix + "orders", s, b);
            attach(fills, s.fills(), prefix + "fills", s, b);
            attach(positions, s.positions(), prefix + "positions", s, b);
            attach(pnl, s.pnl(), prefix + "pnl", s, b);
            attach(riskEvents, s.riskEvents(), prefix + "risk-events", s, b);
        }
    }

    /** Raw frames → market events; what does not decode goes aside as dead letters. */
    private Decoded decode(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<MarketEvent> events = env
                .fromSource(source, watermarksFor(source, options), "raw-frames")
                .uid("raw-frames")
                .process(new DeadLetterRouter())
                .returns(MarketEventTypeInfo.INSTANCE) // every market-event edge after it: see MarketEventSerializer
                .name("dead-letter-router")
                .uid("dead-letter-router");
        return new Decoded(events, events.getSideOutput(DeadLetterRouter.DEAD_LETTERS));
    }

    /** Book events → one order book per instrument → its top after every applied diff, and gaps. */
    private Books books(DataStream<MarketEvent> events) {
        SingleOutputStreamOperator<BookTop> tops = events
                .filter(e -> e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT)
                .name("book-events")
                .keyBy(MarketEvent::instrumentKey)
                .process(new OrderBookFunction(options.depthLevels(), options.maxPendingDiffs(), options.maxBookLevels()))
                .name("order-book")
                .uid("order-book");
        return new Books(tops, tops.getSideOutput(OrderBookFunction.GAPS));
    }

    /**
     * The trades, each once (a trade delivered twice, a replayed frame or a redelivery, is counted
     * once), stamped with their instrument's contract terms, which the instrument events ahead of
     * them put in the same keyed state ({@link TradeDedupFunction}).
     */
    private static SingleOutputStreamOperator<MarketEvent> dedupTrades(DataStream<MarketEvent> events) {
        return events.filter(e -> e.type == EventType.TRADE || e.type == EventType.INSTRUMENT).name("trades")
                .keyBy(MarketEvent::instrumentKey)
                .process(new TradeDedupFunction())
                .returns(MarketEventTypeInfo.INSTANCE)
                .name("trade-dedup")
                .uid("trade-dedup");
    }

    /** The BBO events (Binance bookTicker), for the features' BBO columns. */
    private static DataStream<MarketEvent> bbos(DataStream<MarketEvent> events) {
        return events.filter(e -> e.type == EventType.BBO).name("bbo-events").uid("bbo-events");
    }

    /** Book tops, trades and BBOs → event-time feature rows, with 1 s book samples. */
    private Features features(DataStream<BookTop> tops, DataStream<MarketEvent> trades) {
        SingleOutputStreamOperator<FeatureRow> rows = tops
                .keyBy(BookTop::instrumentKey)
                .connect(trades.keyBy(MarketEvent::instrumentKey))
                .process(new FeatureFunction(options.depthLevels()))
                .name("features")
                .uid("features");
        return new Features(rows, rows.getSideOutput(FeatureFunction.BOOK_SAMPLES));
    }

    /** Trades → 1 min bars per instrument; late trades are counted, then dropped. */
    private static SingleOutputStreamOperator<TradeBar> tradeBars(DataStream<MarketEvent> trades) {
        SingleOutputStreamOperator<TradeBar> bars = trades
                .keyBy(MarketEvent::instrumentKey)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .sideOutputLateData(LATE_TRADES)
                .aggregate(new TradeBarAggregate(), new TradeBarWindowFunction())
                .name("trade-bars-1m")
                .uid("trade-bars-1m");
        bars.getSideOutput(LATE_TRADES).process(new LateTradeCounter()).name("late-trades").uid("late-trades")
                .sinkTo(new DiscardingSink<>()).name("late-trades-discard").uid("late-trades-discard");
        return bars;
    }

    /** Mark and index prices, funding and open interest: stateless, straight to their table. */
    private static DataStream<MarketEvent> derivatives(DataStream<MarketEvent> events) {
        return events.filter(e -> e.type == EventType.DERIVATIVES).name("derivatives").uid("derivatives");
    }

    /** The market-data outputs counted per table; the gaps also go out as resync requests where configured. */
    private MarketStreams marketOutputs(Books books, Features features, DataStream<TradeBar> bars,
            DataStream<DeadLetter> deadLetters, DataStream<MarketEvent> derivatives) {
        DataStream<BookTop> bookSamples = counted(features.samples(), "book_top");
        SingleOutputStreamOperator<FeatureRow> rows = counted(features.rows(), "features");
        DataStream<TradeBar> countedBars = counted(bars, "trade_bars_1m");
        DataStream<BookGap> gaps = counted(books.gaps(), "book_gaps");
        JobOptions.Resync resync = options.resync();
        if (resync != null) {
            gaps.sinkTo(ResyncSink.create(resync.bootstrapServers(), resync.topic(), resync.kafkaProperties()))
                    .name("sink-resync-requests").uid("sink-resync-requests");
        }
        return new MarketStreams(books.tops(), bookSamples, rows, countedBars, gaps, counted(deadLetters, "dead_letters"),
                counted(derivatives, "derivatives"));
    }

    /** Feature rows → model scores, with the model announcements of the control topic where given. */
    private ScoringStreams score(StreamExecutionEnvironment env, DataStream<FeatureRow> features) {
        DataStream<ModelAnnouncement> announcements = control(env, modelControl, "model-control");
        SingleOutputStreamOperator<Score> scored = Scoring.attach(features, announcements, options.scoring());
        DataStream<ModelEvent> modelEvents = counted(scored.getSideOutput(ScoringOperator.MODEL_EVENTS), "model_events");
        return new ScoringStreams(counted(scored, "scores"), modelEvents);
    }

    /** Books, trades and scores → the paper accounts, with the risk commands where given. */
    private TradingStreams trade(StreamExecutionEnvironment env, DataStream<BookTop> tops,
            DataStream<MarketEvent> trades, DataStream<Score> scores) {
        // commands carry their record time; the trading operator ignores this input's watermarks
        DataStream<RiskCommand> commands = control(env, riskControl, "risk-control");
        SingleOutputStreamOperator<Order> traded = Trading.attach(tops, trades, scores, commands, options.trading());
        DataStream<Fill> fills = counted(traded.getSideOutput(TradingOperator.FILLS), "fills");
        DataStream<PositionSnapshot> positions = counted(traded.getSideOutput(TradingOperator.POSITIONS), "positions");
        DataStream<PnlSnapshot> pnl = counted(traded.getSideOutput(TradingOperator.PNL), "pnl");
        DataStream<RiskEvent> riskEvents = counted(traded.getSideOutput(TradingOperator.RISK_EVENTS), "risk_events");
        return new TradingStreams(counted(traded, "orders"), fills, positions, pnl, riskEvents);
    }

    /**
     * Every book event, BBO and trade → per instrument, in its partition's arrival order, the
     * per-event decision path ({@link DecisionOperator}): orders, fills, positions, PnL and risk
     * events of its sub-accounts, at once, into the trading tables. Beside the aggregates, not
     * instead of them; no watermark needed.
     */
    private TradingStreams decide(DataStream<MarketEvent> events) {
        JobOptions.Decision d = options.decision();
        SingleOutputStreamOperator<Order> decided = events
                .filter(e -> e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT
                        || e.type == EventType.BBO || e.type == EventType.TRADE || e.type == EventType.INSTRUMENT)
                .name("decision-events")
                .keyBy(MarketEvent::instrumentKey)
                .transform("decision", TypeInformation.of(Order.class),
                        new DecisionOperator(d.settings(), d.account(), d.strategy()))
                .uid("decision");
        // the outputs (and their PostgreSQL sinks, whose commits block) in a task of their own: a slow
        // commit must not hold up the next decision
        return new TradingStreams(counted(decided, "decision_orders").startNewChain(),
                counted(decided.getSideOutput(TradingOperator.FILLS), "decision_fills").startNewChain(),
                counted(decided.getSideOutput(TradingOperator.POSITIONS), "decision_positions").startNewChain(),
                counted(decided.getSideOutput(TradingOperator.PNL), "decision_pnl").startNewChain(),
                counted(decided.getSideOutput(TradingOperator.RISK_EVENTS), "decision_risk_events").startNewChain());
    }

    /** A control topic's records in one task, without watermarks; null when the source is not given. */
    private static <T> DataStream<T> control(StreamExecutionEnvironment env, Source<T, ?, ?> source, String name) {
        return source == null ? null
                : env.fromSource(source, WatermarkStrategy.noWatermarks(), name).setParallelism(1).uid(name);
    }

    /**
     * Counts the rows written. In a backfill every row still flows on to the next stages (scoring
     * and trading rebuild their state from the warm-up's rows too), but only the rows from the start
     * on are counted and written ({@link EmitFrom} before each sink).
     */
    private <T> SingleOutputStreamOperator<T> counted(DataStream<T> stream, String table) {
        JobOptions.Backfill backfill = options.backfill();
        RowCounter<T> counter = backfill == null ? new RowCounter<>(table)
                : new RowCounter<>(table, backfill.emitFromMs());
        return stream.process(counter).returns(stream.getType()).name("count-" + table).uid("count-" + table);
    }

    /** A backfill's rows from its start on ({@link EmitFrom}); every row otherwise (no operator added). */
    private static <T> DataStream<T> fromStart(DataStream<T> stream, String name, JobOptions.Backfill backfill) {
        if (backfill == null) {
            return stream;
        }
        EmitFrom.check(stream.getType().getTypeClass());
        return stream.filter(new EmitFrom<T>(name, backfill.emitFromMs(), backfill.instrumentsWithoutSnapshot()))
                .returns(stream.getType()).name("from-start-" + name).uid("from-start-" + name);
    }

    /** {@code stream} into {@code sink}; in a backfill only its rows from the start on. */
    private static <T> void attach(DataStream<T> stream, Sink<T> sink, String name, MarketDataSinks owner,
            JobOptions.Backfill backfill) {
        if (sink != null) {
            String id = "sink-" + name + "-" + owner.getClass().getSimpleName();
            fromStart(stream, id, backfill).sinkTo(sink).name(id).uid(id);
        }
    }
}
