package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.ascendex.AscendexOracle;
import io.rrralgorithms.connectors.adapters.binance.BinanceOracle;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomOracle;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexOracle;
import io.rrralgorithms.connectors.adapters.bitflyer.BitflyerOracle;
import io.rrralgorithms.connectors.adapters.bitget.BitgetOracle;
import io.rrralgorithms.connectors.adapters.bithumb.BithumbOracle;
import io.rrralgorithms.connectors.adapters.bitmex.BitmexOracle;
import io.rrralgorithms.connectors.adapters.bitstamp.BitstampOracle;
import io.rrralgorithms.connectors.adapters.bittrex.BittrexOracle;
import io.rrralgorithms.connectors.adapters.blockchain.BlockchainOracle;
import io.rrralgorithms.connectors.adapters.bybit.BybitOracle;
import io.rrralgorithms.connectors.adapters.delta.DeltaOracle;
import io.rrralgorithms.connectors.adapters.deribit.DeribitOracle;
import io.rrralgorithms.connectors.adapters.dydx.DydxOracle;
import io.rrralgorithms.connectors.adapters.gateio.GateioOracle;
import io.rrralgorithms.connectors.adapters.gemini.GeminiOracle;
import io.rrralgorithms.connectors.adapters.hitbtc.HitbtcOracle;
import io.rrralgorithms.connectors.adapters.huobi.HuobiOracle;
import io.rrralgorithms.connectors.adapters.independentreserve.IndependentReserveOracle;
import io.rrralgorithms.connectors.adapters.kraken.KrakenOracle;
import io.rrralgorithms.connectors.adapters.krakenfutures.KrakenFuturesOracle;
import io.rrralgorithms.connectors.adapters.kucoin.KucoinOracle;
import io.rrralgorithms.connectors.adapters.okx.OkxOracle;
import io.rrralgorithms.connectors.adapters.phemex.PhemexOracle;
import io.rrralgorithms.connectors.adapters.poloniex.PoloniexOracle;
import io.rrralgorithms.connectors.adapters.probit.ProbitOracle;
import io.rrralgorithms.connectors.adapters.upbit.UpbitOracle;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.venues.ReplayCase.Counts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * The replay contract's cases: one entry per recorded feed capture. Adding a venue adds one entry
 * here; its raw-line oracle is the decoder contract's ({@code adapters/<venue>/<Venue>Oracle} in
 * rrr-market's test-jar), its checks on the run are written here or in its {@code <Venue>ReplayTest}.
 */
final class ReplayCases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayCases() {}

    /** The 20th NEO_BTC update lost: the next one's U is not the book's u + 1. */
    private static final ReplayCase.Drop GATEIO_DROP = new ReplayCase.Drop("NEO_BTC",
            s -> s.contains("spot.order_book_update\",\"event\":\"update\"") && s.contains("\"s\":\"NEO_BTC\""), 20,
            (String dropped, BookGap g) -> {
                JsonNode res = JSON.readTree(dropped).get("result");
                assertEquals(res.get("U").asLong() - 1, g.lastUpdateId);
                assertEquals(res.get("u").asLong() + 1, g.firstUpdateId);
                assertEquals("sequence break: expected U == " + res.get("U").asLong(), g.reason);
            });

    /**
     * The {@code nth} frame of {@code nativeSymbol}'s book matching {@code frame} lost: the next one's
     * {@code field} is not the book's + 1; {@code id} reads the lost frame's.
     */
    private static ReplayCase.Drop sequenceDrop(String nativeSymbol, Predicate<String> frame, int nth, String field,
            Function<JsonNode, JsonNode> id) {
        return new ReplayCase.Drop(nativeSymbol, frame, nth, (String dropped, BookGap g) -> {
            long sequence = id.apply(JSON.readTree(dropped)).asLong();
            assertEquals(sequence - 1, g.lastUpdateId);
            assertEquals(sequence + 1, g.updateId);
            assertEquals("sequence break: expected " + field + " " + sequence, g.reason);
        });
    }

    /** The 300th SNX-BTC frame lost: the next change's sequence is not the book's + 1. */
    private static final ReplayCase.Drop KUCOIN_DROP = sequenceDrop("SNX-BTC",
            s -> s.contains("\"topic\":\"/market/level2:SNX-BTC\""), 300, "sequence", j -> j.get("data").get("sequenceStart"));

    /** The 100th PI_ETHUSD book frame lost: the seq chain names it. */
    private static final ReplayCase.Drop KRAKEN_FUTURES_DROP = sequenceDrop("PI_ETHUSD",
            s -> s.startsWith("{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\""), 100, "seq", j -> j.get("seq"));

    /** The {@code nth} book update of {@code nativeSymbol} lost (v2 {@code updateOrderbook}, v3 {@code orderbook/full}). */
    private static ReplayCase.Drop hitbtcDrop(String nativeSymbol, int nth) {
        return sequenceDrop(nativeSymbol, s -> s.contains("\"method\":\"updateOrderbook\"")
                && s.contains("\"symbol\":\"" + nativeSymbol + "\"")
                || s.contains("\"ch\":\"orderbook/full\",\"update\":{\"" + nativeSymbol + "\""), nth, "sequence",
                j -> j.has("params") ? j.get("params").get("sequence") : j.get("update").get(nativeSymbol).get("s"));
    }

    /**
     * The 20th EOSUSDT spot book update lost: Bitget sends no sequence, so the loss shows as the next
     * update's checksum, which the book without the lost levels cannot match.
     */
    private static final ReplayCase.Drop BITGET_DROP = new ReplayCase.Drop("EOSUSDT_SPBL",
            s -> s.startsWith("{\"action\":\"update\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books\",\"instId\":\"EOSUSDT\"}"),
            20, (String dropped, BookGap g) -> {
                assertTrue(g.reason.startsWith("checksum mismatch: venue "), g.reason);
                long lostAt = JSON.readTree(dropped).get("data").get(0).get("ts").asLong();
                assertTrue(g.exchangeTimeMs > lostAt, "the gap is seen on the update after the lost one");
            });

    /** The 50th BTC_USDT book update lost: the next one's lastId names it, not the book's id. */
    private static final ReplayCase.Drop POLONIEX_DROP = new ReplayCase.Drop("BTC_USDT",
            s -> s.contains("\"action\":\"update\"") && s.contains("\"symbol\":\"BTC_USDT\""), 50,
            (String dropped, BookGap g) -> {
                JsonNode d = JSON.readTree(dropped).get("data").get(0);
                assertEquals(d.get("lastId").asLong(), g.lastUpdateId);
                assertEquals(d.get("id").asLong(), g.prevUpdateId);
                assertEquals("sequence break: expected lastId == " + d.get("lastId").asLong(), g.reason);
            });

    /**
     * A Binance capture; on the run: every instrument synced, no book ever invalidated, the final
     * tops on the recorded metadata's ticks and lots.
     */
    private static ReplayCase binance(String feed, String exchange, ReplayCase.Oracle oracle, Counts counts) {
        return binance(feed, exchange, oracle, counts, null);
    }

    private static ReplayCase binance(String feed, String exchange, ReplayCase.Oracle oracle, Counts counts,
            ReplayCase.Drop drop) {
        return of(feed, List.of(exchange + ".ws.1.0"), 10, oracle, counts, drop, (e, r) -> {
            assertEquals(0, r.counters.pendingDropped);
            assertEquals(r.counters.syncedTops, r.counters.tops, "no unsynced top: no book was ever invalidated");
            assertEquals(e.books.keySet(), r.lastTop.keySet(), "every instrument with a snapshot got synced");
            InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(CaptureReplay.file(exchange + ".0"), Venues.forFeed(feed));
            for (String s : e.books.keySet()) {
                BookTop t = r.lastTop.get(s);
                assertEquals(10, t.bidPrices.length, s);
                assertEquals(10, t.askPrices.length, s);
                Instrument i = catalog.byNative(s).orElseThrow();
                assertEquals(i.symbol(), t.symbol, "normalized symbol of " + s);
                long tick = Mantissa.m(i.tickSize()), lot = Mantissa.m(i.lotSize());
                for (long p : LongStream.concat(Arrays.stream(t.bidPrices), Arrays.stream(t.askPrices)).toArray()) {
                    assertEquals(0, p % tick, s + " price " + p + " off the tick " + i.tickSize());
                }
                for (long q : LongStream.concat(Arrays.stream(t.bidSizes), Arrays.stream(t.askSizes)).toArray()) {
                    assertEquals(0, q % lot, s + " size " + q + " off the lot " + i.lotSize());
                }
            }
        });
    }

    /** The 50th orderbook-eth message lost: the next one's Nonce is not the book's + 1 (issue 16, batch B). */
    private static final ReplayCase.Drop INDEPENDENT_RESERVE_DROP = new ReplayCase.Drop("eth-aud",
            s -> s.startsWith("{\"Channel\":\"orderbook-eth\""), 50, (String dropped, BookGap g) -> {
                long nonce = JSON.readTree(dropped).get("Nonce").asLong();
                assertEquals(nonce - 1, g.lastUpdateId);
                assertEquals(nonce + 1, g.firstUpdateId);
                assertEquals("sequence break: expected Nonce == " + nonce, g.reason);
            });

    /** The {@code nth} depth update of {@code nativeSymbol} lost: the next one's seqnum is not the book's + 1 (AscendEX). */
    private static ReplayCase.Drop seqnumDrop(String nativeSymbol, int nth) {
        return new ReplayCase.Drop(nativeSymbol, s -> s.startsWith("{\"m\":\"depth\",\"symbol\":\"" + nativeSymbol + "\""), nth,
                (String dropped, BookGap g) -> {
                    long seqnum = JSON.readTree(dropped).get("data").get("seqnum").asLong();
                    assertEquals(seqnum - 1, g.lastUpdateId);
                    assertEquals(seqnum + 1, g.firstUpdateId);
                    assertEquals("sequence break: expected seqnum == " + seqnum, g.reason);
                });
    }

    /** The 20th frame holding only a BTC-EUR orderBook message lost (Bittrex compresses them): the next sequence is not + 1. */
    private static final ReplayCase.Drop BITTREX_DROP = new ReplayCase.Drop("BTC-EUR", s -> {
        try {
            List<String> m = BittrexOracle.messages(s);
            return m.size() == 1 && m.get(0).startsWith("orderBook:{\"marketSymbol\":\"BTC-EUR\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }, 20, (String dropped, BookGap g) -> {
        String m = BittrexOracle.messages(dropped).get(0);
        long sequence = JSON.readTree(m.substring(m.indexOf(':') + 1)).get("sequence").asLong();
        assertEquals(sequence - 1, g.lastUpdateId);
        assertEquals(sequence + 1, g.firstUpdateId);
        assertEquals("sequence break: expected sequence == " + sequence, g.reason);
    });

    /** The 50th NEAR-USDT-PERPETUAL depth update lost: the next one's prev_sequence names it, not the book's (bit.com). */
    private static final ReplayCase.Drop BITCOM_DROP = new ReplayCase.Drop("NEAR-USDT-PERPETUAL",
            s -> s.contains("\"type\":\"update\",\"instrument_id\":\"NEAR-USDT-PERPETUAL\""), 50,
            (String dropped, BookGap g) -> {
                JsonNode d = JSON.readTree(dropped).get("data");
                assertEquals(d.get("prev_sequence").asLong(), g.lastUpdateId);
                assertEquals(d.get("sequence").asLong(), g.prevUpdateId);
                assertEquals("sequence break: expected prev_sequence == " + d.get("prev_sequence").asLong(), g.reason);
            });

    /** The 10th XEMUSDT diff lost (Binance TR, binance.com's spot rules): the next one's U is not the book's u + 1. */
    private static final ReplayCase.Drop BINANCE_TR_DROP = new ReplayCase.Drop("XEMUSDT",
            s -> s.startsWith("{\"stream\":\"xemusdt@depth@100ms\""), 10, (String dropped, BookGap g) -> {
                JsonNode d = JSON.readTree(dropped).get("data");
                assertEquals(d.get("U").asLong() - 1, g.lastUpdateId);
                assertEquals(d.get("u").asLong() + 1, g.firstUpdateId);
                assertEquals("sequence break: expected U == " + d.get("U").asLong(), g.reason);
            });

    private static ReplayCase of(String name, List<String> files, int depth, ReplayCase.Oracle oracle, Counts counts,
            ReplayCase.Drop drop, ReplayCase.Extra extra) {
        return new ReplayCase(name, files, depth, oracle, counts, drop, extra);
    }

    /**
     * Counts: frames, ignored, decode errors, trades, deltas, snapshots, BBO, stale diffs, gaps,
     * checksums, checksum failures, synced tops.
     */
    static List<ReplayCase> all() {
        return List.of(
                binance("binance-spot", "BINANCE", BinanceOracle::spot, new Counts(269, 2, 0, 2, 177, 4, 84, 5, 0, 0, 0, 172)),
                binance("binance-us", "BINANCE_US", BinanceOracle::spot, new Counts(484, 5, 0, 11, 336, 4, 128, 4, 0, 0, 0, 332)),
                binance("binance-usdm", "BINANCE_FUTURES", BinanceOracle::futures,
                        new Counts(1539, 67, 0, 91, 764, 4, 613, 12, 0, 0, 0, 752)),
                binance("binance-coinm", "BINANCE_DELIVERY", BinanceOracle::futures,
                        new Counts(4381, 33, 0, 51, 2047, 10, 2240, 259, 0, 0, 0, 1788)),
                of("bitfinex", List.of("BITFINEX.ws.11.0"), 10, BitfinexOracle::count,
                        new Counts(1693, 72, 0, 0, 1593, 7, 21, 0, 0, 0, 0, 1593), null, BitfinexReplayTest::extra),
                of("bitmex", List.of("BITMEX.ws.1.0"), 10, BitmexOracle::count,
                        new Counts(2120, 41, 0, 17, 1969, 10, 436, 0, 0, 0, 0, 1969), null, BitmexReplayTest::extra),
                of("bitstamp", List.of("BITSTAMP.ws.1.0"), 10, BitstampOracle::count,
                        new Counts(757, 20, 0, 10, 717, 10, 0, 102, 0, 0, 0, 615), null, (e, r) -> {
                            assertNull(e.syncedTops.get("sgbeur"), "no diff for sgbeur during the 30 s");
                            assertEquals("ETH-USD", r.lastTop.get("ethusd").symbol);
                        }),
                of("bybit", List.of("BYBIT.ws.25.0", "BYBIT.ws.26.0"), 25, BybitOracle::count,
                        new Counts(4440, 20, 0, 251, 4268, 10, 0, 0, 0, 0, 0, 4268), null, BybitReplayTest::extra),
                of("deribit", List.of("DERIBIT.ws.1.0"), 10, DeribitOracle::count,
                        new Counts(136, 1, 0, 0, 36, 10, 89, 0, 0, 0, 0, 36), null, (e, r) -> {
                            BookTop top = r.lastTop.get("BTC-31DEC21-34000-P");
                            assertEquals("BTC-USD-211231-34000-P", top.symbol);
                            assertTrue(top.bidPrices.length > 0 && top.askPrices.length > 0);
                        }),
                of("gateio", List.of("GATEIO.ws.1.0"), 10, GateioOracle::spot,
                        new Counts(249, 36, 0, 9, 172, 10, 22, 13, 0, 0, 0, 159), GATEIO_DROP, (e, r) -> {
                            // DIS_USDT and OMG_USDT: sizes of 9-10 decimals, booked at those scales
                            assertEquals(Map.of("DIS_USDT", 17, "FAST_USDT", 20, "HAI_ETH", 5, "NANO_USDT", 4, "NEO_BTC", 36,
                                    "OMG_USDT", 50, "QTUM3S_USDT", 16, "ZKS_ETH", 11), e.syncedTops);
                            assertEquals(1 + 2 + 1 + 1 + 3 + 1 + 4, e.stale, "HAI, QTUM3S, FAST, ZKS, NEO, NANO, DIS + OMG;"
                                    + " incl. the top-100 books sent as the first update of HAI_ETH, QTUM3S_USDT, ZKS_ETH and"
                                    + " NEO_BTC");
                        }),
                of("gateio-futures", List.of("GATEIO_FUTURES.ws.1.0"), 10, GateioOracle::futures,
                        new Counts(460, 23, 0, 0, 352, 10, 75, 36, 0, 0, 0, 316), null, null),
                of("gemini", List.of("GEMINI.ws.1.0"), 10, GeminiOracle::count,
                        new Counts(678, 7, 0, 16, 645, 10, 0, 0, 0, 0, 0, 645), null,
                        (e, r) -> assertEquals("FIL-USD", r.lastTop.get("FILUSD").symbol)),
                of("kraken book", List.of("KRAKEN.ws.50.0"), 10, KrakenOracle::count,
                        new Counts(4321, 42, 0, 0, 4269, 10, 0, 0, 0, 4269, 0, 4269), null,
                        (e, r) -> assertEquals(10, e.books.size())),
                of("kraken trade", List.of("KRAKEN.ws.48.0"), 10, KrakenOracle::count,
                        new Counts(49, 41, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0), null, null),
                of("kraken ticker", List.of("KRAKEN.ws.49.0"), 10, KrakenOracle::count,
                        new Counts(60, 42, 0, 0, 0, 0, 18, 0, 0, 0, 0, 0), null, null),
                of("kraken-futures", List.of("KRAKEN_FUTURES.ws.1.0"), 10, KrakenFuturesOracle::count,
                        new Counts(7175, 41, 0, 3, 7014, 10, 107, 0, 0, 0, 0, 7014), KRAKEN_FUTURES_DROP,
                        (e, r) -> assertEquals(10, e.books.size())),
                of("kucoin", List.of("KUCOIN.ws.1.0"), 10, KucoinOracle::count,
                        new Counts(4730, 20, 1, 18, 3853, 8, 830, 29, 0, 0, 0, 1463), KUCOIN_DROP, (e, r) -> {
                            // ANKR-BTC, CAPP-BTC, DAPPT-BTC: 1e-10 ticks, booked at scale 10; BCHSV-USDT's REST book
                            // is the one dead letter (20 digits at one scale)
                            assertEquals(List.of("ANKR-BTC", "CAPP-BTC", "COV-BTC", "DAPPT-BTC", "EQZ-BTC", "FET-BTC", "NRG-BTC",
                                    "SNX-BTC"), new ArrayList<>(e.books.keySet()));
                            assertEquals(10, r.lastTop.get("CAPP-BTC").priceScale);
                            assertEquals(604 - 4, e.syncedTops.get("SNX-BTC"), "604 changes, 1612844051654..657 in the snapshot");
                        }),
                of("okx", List.of("OKX.ws.1.0"), 25, OkxOracle::count,
                        new Counts(410, 21, 0, 71, 287, 3, 28, 0, 0, 290, 0, 287), null,
                        (e, r) -> assertEquals(3, e.books.size())),
                of("hitbtc", List.of("HITBTC.ws.1.0"), 10, HitbtcOracle::count,
                        new Counts(800, 60, 0, 0, 517, 20, 203, 0, 0, 0, 0, 517),
                        hitbtcDrop("EURSUSD", 20),
                        (e, r) -> {
                            assertEquals(List.of("CRDTETH", "DNTBTC", "EURSUSD", "GRTBTC", "INSURBTC", "ORNBTC", "POLYBTC",
                                    "VETBTC"), new ArrayList<>(e.books.keySet()), "the 1e-9/1e-10 pairs booked at their scales");
                            assertEquals("EURS-USDT", r.lastTop.get("EURSUSD").symbol);
                        }),
                of("bequant", List.of("BEQUANT.ws.1.0"), 10, HitbtcOracle::count,
                        new Counts(1362, 70, 0, 10, 965, 10, 307, 0, 0, 0, 0, 965),
                        hitbtcDrop("BTCUSDB", 100), (e, r) -> {
                            assertEquals(9, e.books.size(), "ETHEURS: no update in the 30 s");
                            assertEquals("BTC-USD", r.lastTop.get("BTCUSDB").symbol);
                        }),
                of("fmfw", List.of("FMFW.ws.1.0"), 10, HitbtcOracle::replay,
                        new Counts(966, 8, 1, 4, 869, 9, 75, 0, 0, 0, 0, 869),
                        hitbtcDrop("EOSUSDT", 100), (e, r) -> {
                            // BORUSDT's asks at 99999999999999 booked at scale 4; TRVBCH's snapshot (1e-9 prices) is 400 s
                            // old: the frame guard's clock-skew dead letter, not one for its digits
                            assertEquals(9, e.books.size(), "every book but TRVBCH's");
                            assertEquals(4, r.lastTop.get("BORUSDT").priceScale);
                            assertEquals("EOS-USDT", r.lastTop.get("EOSUSDT").symbol);
                        }),
                of("okcoin", List.of("OKCOIN.ws.1.0"), 25, OkxOracle::count,
                        new Counts(70, 56, 0, 0, 2, 4, 8, 0, 0, 6, 0, 2), null, // its 2 updates carry no level: a lost one shows nowhere
                        (e, r) -> {
                            assertEquals(List.of("USDC-USDT", "USDT-USD"), new ArrayList<>(e.books.keySet()));
                            // the only synced tops, two empty updates stamped 1685221678.3 s, come after tickers
                            // stamped 1685221683.7 s: their second is closed, both late; the feature rows are
                            // the tickers' (BBO inputs of feature spec v2)
                            assertEquals(2, r.counters.lateFeatureElements, "both synced tops are late");
                        }),
                of("bitget", List.of("BITGET.ws.1.0", "BITGET.ws.2.0"), 10, BitgetOracle::count,
                        new Counts(1157, 120, 0, 55, 627, 10, 345, 0, 0, 637, 0, 627), BITGET_DROP, (e, r) -> {
                            assertEquals(10, e.books.size(), "8 spot pairs, 2 perpetuals");
                            assertEquals("DASH-USDT-PERP", r.lastTop.get("DASHUSDT_UMCBL").symbol);
                            assertEquals("CULT-USDT", r.lastTop.get("CULTUSDT_SPBL").symbol);
                        }),
                // no injected drop: Phemex's sequence skips (shared between symbols), a lost message cannot show
                of("phemex", List.of("PHEMEX.ws.1.0", "PHEMEX.ws.2.0"), 10, PhemexOracle::count,
                        new Counts(1448, 86, 0, 25, 1324, 13, 0, 0, 0, 0, 0, 1324), null, (e, r) -> {
                            assertEquals(10, e.books.size(), "5 perpetuals, 5 spot pairs");
                            assertEquals("YFI-USD-PERP", r.lastTop.get("YFIUSD").symbol);
                            assertEquals("SUSHI-USDT", r.lastTop.get("sSUSHIUSDT").symbol);
                        }),
                of("poloniex", List.of("POLONIEX.ws.1.0"), 10, PoloniexOracle::count,
                        new Counts(302, 2, 0, 6, 283, 11, 0, 0, 0, 0, 0, 283), POLONIEX_DROP, (e, r) -> {
                            assertEquals(List.of("BCH_BTC", "BCH_USDT", "BTC_USDT", "GRT_USDT", "SOL_USDT", "USDJ_USDT"),
                                    new ArrayList<>(e.books.keySet()));
                            assertEquals("BTC-USDT", r.lastTop.get("BTC_USDT").symbol);
                            assertNull(r.lastTop.get("MDT_BTC"), "MDT_BTC's snapshot (1e-9 prices) decodes; no update follows");
                        }),
                // Huobi: every depth.step0 is the whole book, so a lost message is no gap (no drop case); the
                // oracle's replay view counts the frame guard's clock-skew dead letters too
                of("huobi", List.of("HUOBI.ws.44.0"), 10, HuobiOracle::replay,
                        new Counts(362, 26, 45, 73, 0, 247, 0, 0, 0, 0, 0, 247), null, (e, r) -> {
                            assertEquals(List.of("borusdt", "dogeeth", "fil3susdt", "nesteth", "omgbtc", "propyeth", "trioeth",
                                    "yfihusd", "zeneth"), new ArrayList<>(e.books.keySet()),
                                    "xvgeth: every book's sizes span 20 digits, no long scale holds them");
                            assertEquals(10, r.lastTop.get("trioeth").priceScale);
                            assertEquals(15, r.lastTop.get("borusdt").sizeScale);
                            assertEquals("YFI-HUSD", r.lastTop.get("yfihusd").symbol);
                        }),
                of("huobi-swap", List.of("HUOBI_SWAP.ws.1.0", "HUOBI_SWAP.ws.2.0"), 10, HuobiOracle::replay,
                        new Counts(2913, 32, 1, 24, 0, 2862, 0, 0, 0, 0, 0, 2793), null, (e, r) -> {
                            assertEquals(10, e.books.size());
                            assertEquals(69, e.fact("repeated books"), "a book repeated at its mrid gives no top");
                            assertEquals(1, e.fact("trade.detail (older than the frame guard's clock-skew limit)"),
                                    "BTT-USDT's last trade, repeated on subscribing 39 min after it");
                            assertEquals("ATOM-USD-PERP", r.lastTop.get("ATOM-USD").symbol);
                            assertEquals("SOS-USDT-PERP", r.lastTop.get("SOS-USDT").symbol);
                        }),
                // issue 16, batch B
                // dydx: per-level offsets resolved by the decoder, no book sequence: a lost update cannot show (no drop)
                of("dydx", List.of("DYDX.ws.1.0"), 10, DydxOracle::count,
                        new Counts(4733, 45, 0, 26, 4653, 10, 0, 0, 0, 0, 0, 4653), null, (e, r) -> {
                            assertEquals(10, e.books.size());
                            assertEquals("ETH-USD-PERP", r.lastTop.get("ETH-USD").symbol);
                        }),
                of("independent-reserve", List.of("INDEPENDENT_RESERVE.ws.1.0"), 10, IndependentReserveOracle::count,
                        new Counts(1670, 7, 0, 0, 1658, 5, 0, 0, 0, 0, 0, 1658), INDEPENDENT_RESERVE_DROP, (e, r) -> {
                            assertEquals(List.of("bch-sgd", "dot-nzd", "eth-aud", "matic-usd", "pmgt-nzd"),
                                    new ArrayList<>(e.books.keySet()), "the pairs with a REST snapshot");
                            assertEquals("DOT-NZD", r.lastTop.get("dot-nzd").symbol);
                        }),
                // delta: whole books (a lost one is no gap: no drop case)
                of("delta", List.of("DELTA.ws.1.0"), 10, DeltaOracle::count,
                        new Counts(320, 11, 0, 0, 0, 309, 0, 0, 0, 0, 0, 309), null, (e, r) -> {
                            assertEquals(10, e.books.size());
                            assertEquals("ETH-USDT-211231-3200-C", r.lastTop.get("C-ETH-3200-311221").symbol);
                        }),
                // upbit: whole books, no sequence (no drop case); frames recorded as bytes literals
                of("upbit", List.of("UPBIT.ws.62.0"), 10, UpbitOracle::count,
                        new Counts(449, 0, 0, 304, 0, 145, 0, 0, 0, 0, 0, 145), null, (e, r) -> {
                            assertEquals(List.of("BTC-ITAM", "BTC-PAX", "BTC-XTZ", "KRW-LAMB", "KRW-WAVES"),
                                    new ArrayList<>(e.books.keySet()));
                            assertEquals("LAMB-KRW", r.lastTop.get("KRW-LAMB").symbol);
                        }),
                // blockchain: the seqnum is the connection's, so one book's skip: a lost update cannot show (no drop)
                of("blockchain", List.of("BLOCKCHAIN.ws.1.0"), 10, BlockchainOracle::count,
                        new Counts(98, 20, 0, 0, 68, 10, 0, 0, 0, 0, 0, 68), null, (e, r) -> {
                            assertEquals(List.of("ALGO-BTC", "ENJ-USDT", "XLM-EUR", "YFI-USDT"), new ArrayList<>(e.books.keySet()));
                            assertEquals("ALGO-BTC", r.lastTop.get("ALGO-BTC").symbol);
                        }),
                // probit: no sequence (no drop case)
                of("probit", List.of("PROBIT.ws.66.0"), 10, ProbitOracle::count,
                        new Counts(27, 0, 0, 1, 17, 10, 0, 0, 0, 0, 0, 17), null, (e, r) -> {
                            assertEquals(List.of("CORX-USDT", "CUR-KRW", "ETN-KRW", "XEM-USDT"), new ArrayList<>(e.books.keySet()));
                            assertEquals("XEM-USDT", r.lastTop.get("XEM-USDT").symbol);
                        }),
                // ---- issue 16, batch A
                of("ascendex", List.of("ASCENDEX.ws.1.0"), 10, AscendexOracle::count,
                        new Counts(313, 23, 0, 4, 277, 10, 0, 8, 0, 0, 0, 269), seqnumDrop("NEO/USDT", 20), (e, r) -> {
                            assertEquals(9, e.books.size(), "DIVI/USDT: no update after its snapshot");
                            assertEquals(9, r.lastTop.get("SRM/BTC").priceScale, "SRM/BTC's 1e-9 prices at their scale");
                            assertEquals("NEO-USDT", r.lastTop.get("NEO/USDT").symbol);
                        }),
                of("ascendex-futures", List.of("ASCENDEX_FUTURES.ws.1.0"), 10, AscendexOracle::count,
                        new Counts(300, 23, 0, 12, 257, 10, 0, 6, 0, 0, 0, 251), seqnumDrop("BTC-PERP", 20),
                        (e, r) -> assertEquals("BTC-USDT-PERP", r.lastTop.get("BTC-PERP").symbol)),
                of("bittrex", List.of("BITTREX.ws.1.0"), 10, BittrexOracle::count,
                        new Counts(1265, 110, 0, 0, 1015, 8, 162, 17, 0, 0, 0, 998), BITTREX_DROP, (e, r) -> {
                            assertEquals(7, e.books.size(), "FTC-BTC: its one delta is in its snapshot");
                            assertEquals(3209368, r.lastTop.get("BTC-EUR").lastUpdateId, "the last of 143 BTC-EUR deltas");
                            assertEquals(143 - 3, e.syncedTops.get("BTC-EUR"), "3209226..228 in the REST book (Sequence 3209228)");
                        }),
                // no injected drop: bitFlyer's boards carry no sequence, a lost one cannot show (the next snapshot repairs it)
                of("bitflyer", List.of("BITFLYER.ws.1.0"), 10, BitflyerOracle::count,
                        new Counts(1103, 0, 0, 162, 722, 60, 249, 33, 0, 0, 0, 689), null, (e, r) -> {
                            assertEquals(10, e.books.size());
                            assertEquals("BTC-JPY-PERP", r.lastTop.get("FX_BTC_JPY").symbol);
                        }),
                of("bitcom", List.of("BIT.COM.ws.1.0", "BIT.COM.ws.2.0"), 10, BitcomOracle::count,
                        new Counts(1184, 12, 0, 6, 1031, 11, 124, 0, 0, 0, 0, 1031), BITCOM_DROP, (e, r) -> {
                            assertEquals(List.of("FTM-USDT", "NEAR-USDT-PERPETUAL", "OMG-USDT", "YFI-USDT"),
                                    List.copyOf(e.books.keySet()), "6 spot pairs: an empty book and no update");
                            assertEquals("NEAR-USDT-PERP", r.lastTop.get("NEAR-USDT-PERPETUAL").symbol);
                        }),
                binance("binance-tr", "BINANCE_TR", BinanceOracle::spot,
                        new Counts(142, 8, 0, 0, 84, 3, 47, 6, 0, 0, 0, 78), BINANCE_TR_DROP),
                // trades only (no book recorded): no drop, no top
                of("bithumb", List.of("BITHUMB.ws.1.0"), 10, BithumbOracle::count,
                        new Counts(6, 2, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0), null,
                        (e, r) -> assertEquals(7, r.events(EventType.TRADE), "every transaction a trade")));
    }
}
