package io.rrralgorithms.connectors.adapters.krakenfutures;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Kraken Futures ({@code KRAKEN_FUTURES.ws.1.0}, 2021-07-22, 10 inverse contracts) beyond its contract
 * entry, {@code krakenfutures.cases} and table rows: the pre-session trade snapshot, the product id rule
 * and the dated contracts' expiries against the recorded {@code /derivatives/api/v3/instruments}.
 */
public class KrakenFuturesFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("kraken-futures");
    private static final Set<String> PRODUCTS = Set.of("FI_ETHUSD_211231", "PI_XRPUSD", "PI_LTCUSD", "FI_BCHUSD_210730",
            "PI_ETHUSD", "FI_XBTUSD_210924", "FI_ETHUSD_210730", "FI_BCHUSD_210924", "FI_XRPUSD_210924", "FI_XBTUSD_210730");

    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(PRODUCTS.contains(ev.nativeSymbol), ev.nativeSymbol);
        if (ev.type != EventType.BBO) {
            assertTrue(ev.exchangeTimeMs > 1_626_994_000_000L, ev.toString());
        }
        if (ev.type == EventType.BOOK_DELTA) {
            assertEquals(ev.firstUpdateId, ev.lastUpdateId);
            assertEquals(1, ev.bidPrices.length + ev.askPrices.length, "one level per book frame");
        }
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(Set.of("BCH-USD-210730", "BCH-USD-210924", "BTC-USD-210730", "BTC-USD-210924", "ETH-USD-210730",
                "ETH-USD-211231", "ETH-USD-PERP", "LTC-USD-PERP", "XRP-USD-210924", "XRP-USD-PERP"),
                Set.copyOf(d.symbols.values()));
    }

    @Test
    void tradeSnapshotIsPreSession() throws Exception {
        // the FI_BCHUSD_210730 trade_snapshot ends at seq 1487, the first live trade is 1488:
        // the snapshot holds trades from before the subscription (krakenfutures.cases: it is ignored)
        long maxSnapSeq = -1, maxSnapTime = -1, live = -1;
        for (String s : CaptureLines.payloads(SharedData.cryptofeed("KRAKEN_FUTURES.ws.1.0"))) {
            JsonNode j = JSON.readTree(s);
            if ("trade_snapshot".equals(j.path("feed").asText()) && "FI_BCHUSD_210730".equals(j.path("product_id").asText())) {
                for (JsonNode t : j.get("trades")) {
                    maxSnapSeq = Math.max(maxSnapSeq, t.get("seq").asLong());
                    maxSnapTime = Math.max(maxSnapTime, t.get("time").asLong());
                }
            }
            if ("trade".equals(j.path("feed").asText()) && "FI_BCHUSD_210730".equals(j.path("product_id").asText())) {
                live = j.get("seq").asLong();
            }
        }
        assertEquals(1487L, maxSnapSeq);
        assertEquals(1488L, live);
        assertTrue(maxSnapTime < 1_626_994_927_139L, "all before the connection opened");
    }

    @Test
    void productIdsParseAndDatedContractsExpireOnTheirLastTradingDay() throws Exception {
        assertEquals("BTC-USD-210924", KrakenFuturesSymbols.parse("fi_xbtusd_210924").symbol());
        assertEquals("ETH-USD-220325", KrakenFuturesSymbols.parse("FF_ETHUSD_220325").symbol());
        assertNull(KrakenFuturesSymbols.parse("IN_XBTUSD"));
        assertNull(KrakenFuturesSymbols.parse("PI_XBTUSD_210924"));
        assertNull(KrakenFuturesSymbols.parse("FI_XBTUSD"));
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("KRAKEN_FUTURES.0"), ADAPTER);
        // the symbol's date is the metadata's lastTradingTime date, for every dated contract
        JsonNode meta = JSON.readTree(Files.readAllLines(SharedData.cryptofeed("KRAKEN_FUTURES.0")).get(0).split(": ", 2)[1]);
        int dated2 = 0;
        for (JsonNode i : meta.get("instruments")) {
            if (i.has("lastTradingTime")) {
                dated2++;
                LocalDate last = Instant.parse(i.get("lastTradingTime").asText()).atZone(ZoneOffset.UTC).toLocalDate();
                assertEquals(last, c.byNative(i.get("symbol").asText().toUpperCase()).orElseThrow().expiry());
            }
        }
        assertEquals(12, dated2);
    }
}
