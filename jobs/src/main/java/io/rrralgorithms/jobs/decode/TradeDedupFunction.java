package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.connectors.flink.wire.MarketEventTypeInfo;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by instrument: keeps the instrument's contract terms and passes each trade on once,
 * stamped with them. An {@code INSTRUMENT} event (the replay's metadata frame, ahead of the
 * instrument's frames in its partition) puts its terms in keyed state and goes on to the
 * {@link #INSTRUMENTS} side output (the trading operator sizes orders by them); each trade then
 * carries them ({@code MarketEvent.contractKind}, …), so that bars, features and trading compute
 * its notional in its currency. A trade of an instrument without terms passes as it is (notional =
 * price × size, multiplier 1, linear), counted once per instrument
 * ({@code feed.<feed>.NO_CONTRACT_TERMS}) and said once in the log.
 *
 * <p>Each trade once: A trade whose venue trade id the instrument has
 * already seen ({@link RecentTradeIds}) is counted ({@code duplicateTrades},
 * {@code feed.<feed>.DUPLICATE_TRADE}) and dropped. Trades without a venue id, and venues whose ids
 * are made up by the decoder ({@code Venue.tradeIdsIdentifyTrades()}), pass unchecked.
 * State per instrument: at most {@link RecentTradeIds#CAPACITY} ids, dropped after
 * {@link #IDLE_TTL} without a trade.
 */
public class TradeDedupFunction extends KeyedProcessFunction<String, MarketEvent, MarketEvent> implements CheckpointedFunction {
    public static final String ACC_DUPLICATE_TRADES = "duplicateTrades";
    /** The INSTRUMENT events, for the operators that need an instrument's terms before its first trade. */
    // the serializer of the other market-event edges: the trading input unions this with the trades
    public static final OutputTag<MarketEvent> INSTRUMENTS = new OutputTag<>("instruments", MarketEventTypeInfo.INSTANCE);
    private static final Logger LOG = LoggerFactory.getLogger(TradeDedupFunction.class);
    /** Ids of an instrument without a trade for this long (processing time) are dropped. */
    static final Duration IDLE_TTL = Duration.ofHours(24);

    private transient ValueState<RecentTradeIds> recent;
    /** The instrument's INSTRUMENT event (its terms); no TTL: terms do not expire with quiet. */
    private transient ValueState<MarketEvent> terms;
    /** Whether the instrument's trades without terms were already counted and said. */
    private transient ValueState<Boolean> termsMissingSaid;
    private transient Counter duplicates;
    private transient LongCounter duplicatesAcc;
    private transient FeedCounters perFeed;
    private transient Map<String, Boolean> checkedFeeds;

    /** The accumulators in operator state: the summary counts each input once across restores. */
    private transient DurableAccumulators durable;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        durable = DurableAccumulators.restore(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        DurableAccumulators.orNone(durable).snapshot();
    }

    @Override
    public void open(OpenContext ctx) {
        durable = DurableAccumulators.orNone(durable).open(getRuntimeContext());
        ValueStateDescriptor<RecentTradeIds> d = new ValueStateDescriptor<>("recent-trade-ids", RecentTradeIds.class);
        // an instrument that stops trading (delisted, expired) does not keep its ids for ever
        d.enableTimeToLive(StateTtlConfig.newBuilder(IDLE_TTL).build());
        recent = getRuntimeContext().getState(d);
        terms = getRuntimeContext().getState(new ValueStateDescriptor<>("contract-terms", MarketEvent.class));
        termsMissingSaid = getRuntimeContext().getState(new ValueStateDescriptor<>("contract-terms-missing", Boolean.class));
        duplicates = getRuntimeContext().getMetricGroup().counter(ACC_DUPLICATE_TRADES);
        duplicatesAcc = durable.counter(ACC_DUPLICATE_TRADES);
        perFeed = new FeedCounters(durable, getRuntimeContext().getMetricGroup(), "DUPLICATE_TRADE", NO_TERMS);
        checkedFeeds = new HashMap<>();
    }

    /** Whether the trades of {@code feed} are checked: its trade ids are the venue's own. */
    public static boolean checksFeed(String feed) {
        return Venues.isSupported(feed) && Venues.forFeed(feed).tradeIdsIdentifyTrades();
    }

    /** Whether a trade of {@code feed} with id {@code tradeId} is checked for duplicates. */
    public static boolean checked(String feed, long tradeId) {
        return tradeId != MarketEvent.NONE && checksFeed(feed);
    }

    /** The per-feed count of instruments whose trades came without contract terms. */
    public static final String NO_TERMS = "NO_CONTRACT_TERMS";

    @Override
    public void processElement(MarketEvent t, Context ctx, Collector<MarketEvent> out) throws Exception {
        perFeed.seen(t.feed);
        if (t.type == EventType.INSTRUMENT) {
            // a copy: with object reuse the input object is the next record's too
            terms.update(MarketEvent.instrument(t.feed, t.nativeSymbol, t.symbol, t.receiveTimeNs, t.contractTerms()));
            ctx.output(INSTRUMENTS, t);
            return;
        }
        if (t.tradeId != MarketEvent.NONE && checkedFeeds.computeIfAbsent(t.feed, TradeDedupFunction::checksFeed)) {
            RecentTradeIds ids = recent.value();
            if (ids == null) {
                ids = new RecentTradeIds();
            }
            boolean first = ids.firstSeen(t.tradeId);
            recent.update(ids);
            if (!first) {
                duplicates.inc();
                perFeed.add(t.feed, "DUPLICATE_TRADE", 1);
                duplicatesAcc.add(1);
                return;
            }
        }
        MarketEvent known = terms.value();
        if (known != null) {
            t.copyContractTerms(known);
        } else if (termsMissingSaid.value() == null) {
            termsMissingSaid.update(Boolean.TRUE);
            perFeed.add(t.feed, NO_TERMS, 1);
            LOG.info("{}: no contract terms known (no instrument frame): its notional is price x size, "
                    + "multiplier 1, linear", t.instrumentKey());
        }
        out.collect(t);
    }
}
