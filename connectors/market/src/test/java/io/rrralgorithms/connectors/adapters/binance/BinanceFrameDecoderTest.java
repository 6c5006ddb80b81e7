package io.rrralgorithms.connectors.adapters.binance;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.DecoderCase;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Binance decoder over the real recorded captures in the shared data folder (hftbacktest
 * captures of spot and USDⓈ-M BTCUSDT, cryptofeed captures of spot, US, USDⓈ-M and COIN-M): the
 * standard checks are the contract's ({@code DecoderCases}, oracle {@link BinanceOracle}); here the
 * captures' per-event checks and symbols; the exact fields of frames and the malformed ones are in
 * {@code venue-cases/binance.cases} and {@code binance-usdm.cases} (run by {@code VenueTablesTest}).
 */
public class BinanceFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An hftbacktest capture's events (the counts are the contract's, {@code DecoderCases}): BTCUSDT
     * with sane fields per type, snapshots with E only on futures, and the recorded diff streams
     * without a gap: the ids chain from one diff to the next. Stateful: one check per capture.
     */
    public static DecoderCase.EventCheck hftbacktestEvent(String normalized, boolean futures) {
        MarketEvent[] previous = {null};
        return (f, ev, d) -> {
            assertEquals("BTCUSDT", ev.nativeSymbol);
            assertEquals(normalized, ev.symbol);
            switch (ev.type) {
                case TRADE -> assertTrue(ev.price > 0 && ev.size > 0 && ev.tradeId > 0 && ev.exchangeTimeMs > 0, ev::toString);
                case BBO -> {
                    assertEquals(List.of(1, 1), List.of(ev.bidPrices.length, ev.askPrices.length));
                    assertTrue(ev.bidPrices[0] < ev.askPrices[0] && ev.lastUpdateId > 0, ev::toString);
                }
                case BOOK_SNAPSHOT -> {
                    assertTrue(ev.lastUpdateId > 0 && ev.bidPrices.length > 0 && ev.askPrices.length > 0);
                    assertEquals(futures, ev.exchangeTimeMs > 0, "only futures snapshots carry E");
                }
                case BOOK_DELTA -> {
                    assertTrue(ev.exchangeTimeMs > 0 && ev.firstUpdateId <= ev.lastUpdateId, ev::toString);
                    assertEquals(List.of(ev.bidPrices.length, ev.askPrices.length), List.of(ev.bidSizes.length, ev.askSizes.length));
                    assertEquals(futures, ev.prevUpdateId != MarketEvent.NONE, "futures diffs carry pu, spot ones do not");
                    MarketEvent p = previous[0]; // the ids chain: futures by pu, spot by U = previous u + 1
                    if (p != null) {
                        assertEquals(futures ? p.lastUpdateId : p.lastUpdateId + 1, futures ? ev.prevUpdateId : ev.firstUpdateId, ev::toString);
                    }
                    previous[0] = ev;
                }
                default -> throw new AssertionError("unexpected " + ev);
            }
        };
    }

    /** A raw-stream trade of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String nativeSymbol) {
        return "{\"e\":\"trade\",\"E\":1,\"s\":\"" + nativeSymbol + "\",\"t\":1,\"p\":\"1.0\",\"q\":\"1.0\",\"T\":1,\"m\":true}";
    }

    /** Native | normalized (empty: no symbol); US: binance.us, which quotes USD and no TUSD. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SPOT|BTCUSDT|BTC-USDT", "SPOT|btcusdt|BTC-USDT", "SPOT|OMGBUSD|OMG-BUSD", "SPOT|RUNEEUR|RUNE-EUR", "SPOT|LRCBTC|LRC-BTC",
        "USDM_FUTURES|BTCUSDT|BTC-USDT-PERP", "USDM_FUTURES|BTCUSDT_240927|BTC-USDT-240927", "COINM_FUTURES|BCHUSD_PERP|BCH-USD-PERP",
        "COINM_FUTURES|ETHUSD_210924|ETH-USD-210924", "COINM_FUTURES|BTCUSD|",
        // COIN-M pairs are <base>USD: no suffix guess (DOT-USD, not DO-TUSD; BNB-USD, not BN-BUSD)
        "COINM_FUTURES|DOTUSD_PERP|DOT-USD-PERP", "COINM_FUTURES|BNBUSD_211231|BNB-USD-211231", "COINM_FUTURES|BTCUSDT_PERP|",
        // BNBUSD vs BNBBUSD is the one split a suffix cannot tell; binance.com lists TUSD
        "US|BATUSD|BAT-USD", "US|USDTUSD|USDT-USD", "US|BNBUSD|BNB-USD", "US|BNBBUSD|BNB-BUSD", "US|OMGBUSD|OMG-BUSD",
        "SPOT|BATUSD|BA-TUSD", "SPOT|BTCBKRW|BTC-BKRW", "SPOT|USDSBUSDS|USDSB-USDS", "SPOT|USDT|",
    })
    void symbolsAreNormalizedPerMarket(String market, String symbol, String normalized) throws Throwable {
        ThrowingSupplier<String> normalize = () -> market.equals("US")
                ? BinanceSymbols.normalize(symbol, BinanceMarket.SPOT, BinanceSymbols.BINANCE_US)
                : BinanceSymbols.normalize(symbol, BinanceMarket.valueOf(market));
        if (normalized == null) {
            assertThrows(DecodeException.class, normalize::get);
        } else {
            assertEquals(normalized, normalize.get());
        }
    }

    /** A REST snapshot's update id is its body's lastUpdateId; one snapshot per symbol. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws Exception {
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(FrameKind.REST_SNAPSHOT, f.kind);
            assertEquals(JSON.readTree(f.payload).get("lastUpdateId").longValue(), ev.lastUpdateId);
            assertTrue(ev.bidPrices.length > 0 && ev.askPrices.length > 0);
            d.count("snapshots of " + ev.nativeSymbol, 1);
        }
    }

    /** The symbols of a capture, each with one snapshot. */
    public static DecoderCase.DecodedCheck symbols(String... symbols) {
        return (raw, d) -> {
            assertEquals(Set.of(symbols), Set.copyOf(d.symbols.values()));
            d.facts.forEach((fact, n) -> assertEquals(1L, n, fact));
            assertEquals(raw.snapshots, d.facts.size(), "snapshots of distinct symbols");
        };
    }

    /** What a cases file cannot write: a null payload, and JSON cut short (the reason starts with it). */
    @Test
    void nullAndTruncatedFramesAreDeadLetters() throws Exception {
        String line = CaptureLines.gzLines(SharedData.market("binance-spot/btcusdt_20240808.gz")).stream()
                .filter(l -> l.contains("\"stream\":\"btcusdt@depth@100ms\"")).findFirst().orElseThrow();
        String payload = line.substring(line.indexOf(' ') + 1);
        assertTrue(reject(null).contains("empty"));
        for (String bad : List.of(payload.substring(0, payload.length() / 2), "{\"stream\":")) {
            String msg = reject(bad);
            assertTrue(msg.startsWith("malformed JSON"), msg);
        }
    }

    private static String reject(String payload) {
        RawFrame f = new RawFrame("binance-spot", "BTCUSDT", FrameKind.WS, 1L,
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
        List<MarketEvent> out = new ArrayList<>();
        String msg = assertThrows(DecodeException.class, () -> Venues.forFeed("binance-spot").decoder().decode(f, out::add))
                .getMessage();
        assertTrue(out.isEmpty(), "events emitted before the error");
        return msg;
    }
}
