package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomLiveVenue;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseLiveVenue;
import io.rrralgorithms.connectors.adapters.huobi.HuobiLiveVenue;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Streams split over connections and subscribe messages by the venue's limits. */
class SubscriptionPlannerTest {

    private static List<LiveStream> binanceStreams(LiveVenue v, int symbols) {
        List<LiveStream> out = new ArrayList<>();
        for (int i = 0; i < symbols; i++) {
            out.addAll(v.streams("S" + i + "USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        }
        return out;
    }

    @Test
    void binanceSpotSplitsAt1024StreamsAnd200PerSubscribe() throws Exception {
        LiveVenue v = BinanceLiveVenue.spot();
        List<LiveStream> streams = binanceStreams(v, 400); // 1200 streams
        var plans = SubscriptionPlanner.plan(streams, v.limits());

        assertEquals(2, plans.size());
        assertEquals(1023, plans.get(0).streams().size()); // 341 whole symbols: the 342nd would not fit
        assertEquals(177, plans.get(1).streams().size());
        assertEquals(List.of(200, 200, 200, 200, 200, 23),
                plans.get(0).subscribeBatches().stream().map(List::size).toList());
        assertEquals(List.of(177), plans.get(1).subscribeBatches().stream().map(List::size).toList());

        // nothing lost, nothing twice, order kept; no symbol on two connections
        List<LiveStream> all = new ArrayList<>();
        plans.forEach(p -> p.subscribeBatches().forEach(all::addAll));
        assertEquals(streams, all);
        Set<String> first = new HashSet<>(plans.get(0).symbols());
        assertTrue(plans.get(1).symbols().stream().noneMatch(first::contains));

        // the SUBSCRIBE messages on the wire
        ObjectMapper json = new ObjectMapper();
        int id = 0;
        for (List<LiveStream> batch : plans.get(0).subscribeBatches()) {
            JsonNode m = json.readTree(v.subscribeMessage(batch, ++id));
            assertEquals("SUBSCRIBE", m.get("method").asText());
            assertEquals(id, m.get("id").asInt());
            assertEquals(batch.size(), m.get("params").size());
            assertEquals(batch.get(0).name(), m.get("params").get(0).asText());
        }
    }

    @Test
    void smallLimitsExactly() {
        VenueLimits limits = new VenueLimits(4, 3, 1, 1, Duration.ofSeconds(1), 1);
        List<LiveStream> streams = new ArrayList<>();
        for (String s : List.of("A", "B", "C")) {
            streams.add(new LiveStream(s, Channel.TRADES, s + ".t"));
            streams.add(new LiveStream(s, Channel.BOOK, s + ".b"));
        }
        var plans = SubscriptionPlanner.plan(streams, limits);
        assertEquals(List.of(List.of("A.t", "A.b", "B.t", "B.b"), List.of("C.t", "C.b")),
                plans.stream().map(p -> p.streams().stream().map(LiveStream::name).toList()).toList());
        assertEquals(List.of(List.of(3, 1), List.of(2)),
                plans.stream().map(p -> p.subscribeBatches().stream().map(List::size).toList()).toList());
    }

    @Test
    void aSymbolWithMoreStreamsThanAConnectionTakesIsSplitToo() {
        VenueLimits limits = new VenueLimits(2, 2, 1, 1, Duration.ofSeconds(1), 1);
        List<LiveStream> streams = IntStream.range(0, 5)
                .mapToObj(i -> new LiveStream("X", Channel.BOOK, "x" + i)).toList();
        var plans = SubscriptionPlanner.plan(streams, limits);
        assertEquals(List.of(2, 2, 1), plans.stream().map(p -> p.streams().size()).toList());
    }

    @Test
    void coinbaseGroupsProductsPerChannelAndSplitsAt100() throws Exception {
        LiveVenue v = new CoinbaseLiveVenue();
        List<LiveStream> streams = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 4 streams each (heartbeat included)
            streams.addAll(v.streams("C" + i + "-USD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        }
        var plans = SubscriptionPlanner.plan(streams, v.limits());
        assertEquals(List.of(100, 20), plans.stream().map(p -> p.streams().size()).toList());
        JsonNode m = new ObjectMapper().readTree(v.subscribeMessage(plans.get(1).subscribeBatches().get(0), 1));
        assertEquals("subscribe", m.get("type").asText());
        List<String> channels = new ArrayList<>();
        m.get("channels").forEach(c -> {
            channels.add(c.get("name").asText());
            assertEquals(5, c.get("product_ids").size());
            assertEquals("C25-USD", c.get("product_ids").get(0).asText());
        });
        assertEquals(List.of("matches", "level2_batch", "ticker", "heartbeat"), channels);
    }

    /**
     * A feed with an endpoint per margin (Huobi's swaps): coin- and USDT-margined streams on
     * connections of their own, in the order their groups first appear, each opening its endpoint.
     */
    @Test
    void connectionGroupsNeverShareAConnection() {
        LiveVenue v = HuobiLiveVenue.swap();
        List<LiveStream> streams = new ArrayList<>();
        for (String s : List.of("BTC-USD", "BTC-USDT", "ETH-USD", "ETH-USDT")) {
            streams.addAll(v.streams(s, Set.of(Channel.TRADES, Channel.BOOK)));
        }
        var plans = SubscriptionPlanner.plan(streams, v.limits(), v::connectionGroup);
        assertEquals(List.of(List.of("BTC-USD", "ETH-USD"), List.of("BTC-USDT", "ETH-USDT")),
                plans.stream().map(SubscriptionPlanner.ConnectionPlan::symbols).toList());
        assertEquals(URI.create("wss://api.hbdm.com/swap-ws"), v.endpoint(v.defaultEndpoint(), plans.get(0).streams()));
        assertEquals(URI.create("wss://api.hbdm.com/linear-swap-ws"),
                v.endpoint(v.defaultEndpoint(), plans.get(1).streams()));
        assertEquals(1, SubscriptionPlanner.plan(streams, v.limits()).size(), "one group without the venue's rule");

        LiveVenue bitcom = new BitcomLiveVenue();
        List<LiveStream> mixed = new ArrayList<>(bitcom.streams("BTC-USDT-PERPETUAL", Set.of(Channel.BOOK)));
        mixed.addAll(bitcom.streams("BTC-USDT", Set.of(Channel.BOOK)));
        var bitcomPlans = SubscriptionPlanner.plan(mixed, bitcom.limits(), bitcom::connectionGroup);
        assertEquals(2, bitcomPlans.size());
        assertEquals(URI.create("wss://ws.bit.com"), bitcom.endpoint(bitcom.defaultEndpoint(), bitcomPlans.get(0).streams()));
        assertEquals(URI.create("wss://spot-ws.bit.com"),
                bitcom.endpoint(bitcom.defaultEndpoint(), bitcomPlans.get(1).streams()));
    }
}
