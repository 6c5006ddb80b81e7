package io.rrralgorithms.connectors.adapters;

import static io.rrralgorithms.connectors.adapters.DecoderCase.cryptofeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.ascendex.AscendexFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.ascendex.AscendexOracle;
import io.rrralgorithms.connectors.adapters.binance.BinanceFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.binance.BinanceOracle;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bitcom.BitcomOracle;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bitfinex.BitfinexOracle;
import io.rrralgorithms.connectors.adapters.bitflyer.BitflyerFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bitflyer.BitflyerOracle;
import io.rrralgorithms.connectors.adapters.bitget.BitgetFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bitget.BitgetOracle;
import io.rrralgorithms.connectors.adapters.bithumb.BithumbFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bithumb.BithumbOracle;
import io.rrralgorithms.connectors.adapters.bitmex.BitmexOracle;
import io.rrralgorithms.connectors.adapters.bitstamp.BitstampFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bitstamp.BitstampOracle;
import io.rrralgorithms.connectors.adapters.bittrex.BittrexFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.bittrex.BittrexOracle;
import io.rrralgorithms.connectors.adapters.blockchain.BlockchainFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.blockchain.BlockchainOracle;
import io.rrralgorithms.connectors.adapters.bybit.BybitOracle;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseOracle;
import io.rrralgorithms.connectors.adapters.delta.DeltaFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.delta.DeltaOracle;
import io.rrralgorithms.connectors.adapters.deribit.DeribitOracle;
import io.rrralgorithms.connectors.adapters.dydx.DydxFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.dydx.DydxOracle;
import io.rrralgorithms.connectors.adapters.gateio.GateioOracle;
import io.rrralgorithms.connectors.adapters.gemini.GeminiOracle;
import io.rrralgorithms.connectors.adapters.hitbtc.HitbtcOracle;
import io.rrralgorithms.connectors.adapters.huobi.HuobiFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.huobi.HuobiOracle;
import io.rrralgorithms.connectors.adapters.independentreserve.IndependentReserveFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.independentreserve.IndependentReserveOracle;
import io.rrralgorithms.connectors.adapters.kraken.KrakenFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.kraken.KrakenOracle;
import io.rrralgorithms.connectors.adapters.krakenfutures.KrakenFuturesFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.krakenfutures.KrakenFuturesOracle;
import io.rrralgorithms.connectors.adapters.kucoin.KucoinOracle;
import io.rrralgorithms.connectors.adapters.okcoin.OkcoinFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.okx.OkxFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.okx.OkxOracle;
import io.rrralgorithms.connectors.adapters.phemex.PhemexFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.phemex.PhemexOracle;
import io.rrralgorithms.connectors.adapters.poloniex.PoloniexFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.poloniex.PoloniexOracle;
import io.rrralgorithms.connectors.adapters.probit.ProbitFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.probit.ProbitOracle;
import io.rrralgorithms.connectors.adapters.upbit.UpbitFrameDecoderTest;
import io.rrralgorithms.connectors.adapters.upbit.UpbitOracle;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.List;
import java.util.Set;

/**
 * The decoder contract's cases: one entry per feed capture. Adding a venue adds one entry here (its
 * raw-line oracle in {@code <venue>/<Venue>Oracle}, shared with the replay contract; its per-event
 * checks and odd cases in its own {@code <Venue>FrameDecoderTest}).
 * Counts: frames, ignored, dead letters, trades, deltas, snapshots, BBO, checksums.
 */
final class DecoderCases {
    private DecoderCases() {}

    /**
     * A Binance cryptofeed capture: one diff buffered per symbol (it made cryptofeed fetch the
     * snapshot), already in it; none of the buffered diffs applied; every bridge holds;
     * {@code staleAfterSnapshot} diffs read after their snapshot; {@code bridgesAtSnapshot} bridging
     * diffs end at u == lastUpdateId.
     */
    private static DecoderCase binance(String feed, String exchange, int instruments, long symbols,
            long staleAfterSnapshot, long bridgesAtSnapshot) {
        DecoderCase c = cryptofeed(feed, feed, exchange, exchange + ".ws.1.0")
                .fact("symbols with one diff before the snapshot", symbols).fact("buffered diffs not in the snapshot", 0)
                .fact("bridge failures", 0).fact("bridges ending at the snapshot", bridgesAtSnapshot)
                .keyIsSymbol().event(BinanceFrameDecoderTest::event)
                .catalog(exchange + ".0", instruments, BinanceFrameDecoderTest::tradeFrame, true, 0);
        return staleAfterSnapshot > 0 ? c.fact("stale after snapshot", staleAfterSnapshot) : c;
    }

    /**
     * An hftbacktest capture of BTCUSDT ({@code market/<feed>/<file>}): every line one frame and one
     * event, none ignored or dead; {@code depthStream} is its diff stream, {@code symbol} the normalized one.
     */
    private static DecoderCase hftbacktest(String feed, String file, String depthStream, String symbol, long trades,
            long deltas, long bbo, long snapshots) {
        return DecoderCase.capture(feed + " hftbacktest " + file, feed, feed + "/" + file)
                .counts(files -> BinanceOracle.hftbacktest(files, depthStream), trades + deltas + bbo + snapshots, 0, 0,
                        trades, deltas, snapshots, bbo, 0)
                .event(BinanceFrameDecoderTest.hftbacktestEvent(symbol, feed.equals("binance-usdm")));
    }

    static List<DecoderCase> all() {
        return List.of(
                hftbacktest("binance-spot", "btcusdt_20240808.gz", "btcusdt@depth@100ms", "BTC-USDT", 9757, 3451, 28040, 1),
                hftbacktest("binance-spot", "btcusdt_20240809.gz", "btcusdt@depth@100ms", "BTC-USDT", 10147, 3044, 45134, 0),
                hftbacktest("binance-usdm", "btcusdt_20240718.gz", "btcusdt@depth@0ms", "BTC-USDT-PERP", 974, 3326, 7113, 1),
                hftbacktest("binance-usdm", "btcusdt_20240719.gz", "btcusdt@depth@0ms", "BTC-USDT-PERP", 9727, 5696, 45147, 0),
                binance("binance-spot", "BINANCE", 1695, 4, 1, 0)
                        .counts(BinanceOracle::spot, 269, 2, 0, 2, 177, 4, 84, 0) // ignored: klines
                        .decoded(BinanceFrameDecoderTest.symbols("NKN-USDT", "BLZ-ETH", "LRC-BTC", "RUNE-EUR")),
                binance("binance-us", "BINANCE_US", 121, 4, 0, 0)
                        .counts(BinanceOracle::spot, 484, 5, 0, 11, 336, 4, 128, 0)
                        .decoded(BinanceFrameDecoderTest.symbols("CRV-USDT", "COMP-USDT", "OMG-BUSD", "ZRX-USDT")),
                binance("binance-usdm", "BINANCE_FUTURES", 121, 4, 8, 3)
                        .counts(BinanceOracle::futures, 1539, 67, 0, 91, 764, 4, 613, 0)
                        .decoded(BinanceFrameDecoderTest.symbols("SUSHI-USDT-PERP", "AKRO-USDT-PERP", "KEEP-USDT-PERP", "CTK-USDT-PERP")),
                binance("binance-coinm", "BINANCE_DELIVERY", 36, 10, 249, 5)
                        .counts(BinanceOracle::futures, 4381, 33, 0, 51, 2047, 10, 2240, 0)
                        .decoded(BinanceFrameDecoderTest.symbols("LINK-USD-211231", "LINK-USD-PERP", "TRX-USD-PERP", "ETC-USD-PERP",
                                "BTC-USD-211231", "XRP-USD-PERP", "EOS-USD-PERP", "BCH-USD-PERP", "BCH-USD-210924", "ETH-USD-210924")),
                cryptofeed("bitfinex", "bitfinex", "BITFINEX", "BITFINEX.ws.11.0")
                        // no te/tu (no trade in the 30 s), no cs (OB_CHECKSUM off), no funding channel
                        .counts(BitfinexOracle::count, 1693, 1 + 1 + 21 + 42 + 7, 0, 0, 1593, 7, 21, 0) // ignored: info, conf, acks, hb, trade snapshots
                        .fact("event:info", 1).fact("event:conf", 1).fact("event:subscribed", 21).fact("hb", 42)
                        .fact("book:snapshot", 7).fact("book:update", 1593).fact("trades:snapshot", 7).fact("ticker:update", 21)
                        .fact("seq breaks", 0).fact("books", 7) // the connection's SEQ_ALL numbering is complete
                        .keyIsSymbol().keysFromRawLines().sendsChecksums().event(BitfinexFrameDecoderTest::event)
                        .badJson("| empty frame", "[17470,[7254.7,3| malformed JSON", "\"hb\"| neither an event object nor")
                        .unknownType("{\"event\":\"auth\"}| unknown event 'auth'")
                        .catalog("BITFINEX.0", 328, null, true, 0),
                cryptofeed("bitmex", "bitmex", "BITMEX", "BITMEX.ws.1.0")
                        .counts(BitmexOracle::count, 2120, 1 + 30 + 10, 0, 17, 1969, 10, 436, 0) // trades = trade insert rows, one BBO per quote row
                        .fact("info", 1).fact("success", 30).fact("orderBookL2:partial", 10).fact("orderBookL2:insert", 445)
                        .fact("orderBookL2:update", 1090).fact("orderBookL2:delete", 434).fact("quote:partial", 10)
                        .fact("quote:insert", 83).fact("trade:partial", 10).fact("trade:insert", 7)
                        .fact("unbooked ", 1).fact("symbols", 10) // every book, TRXU21's (ticks of 1e-10, scale 10) too
                        .keyIsSymbol().event(DecoderCases::bitmex)
                        .badJson("| empty frame", "{\"table\":\"trade\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"foo\":1}| unknown message",
                                "{\"table\":\"orderBook10\",\"action\":\"partial\",\"data\":[]}| unknown table 'orderBook10'")
                        .badNumber("{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":[{\"symbol\":\"TRXU21\",\"id\":1,\"side\":\"Buy\",\"size\":1,\"price\":12345678901.123456789}]}| is not an exact decimal")
                        .catalog("BITMEX.0", 34, null, false, 0), // the 34 active swaps and futures of instrument/active
                cryptofeed("bitstamp", "bitstamp", "BITSTAMP", "BITSTAMP.ws.1.0")
                        .counts(BitstampOracle::count, 747 + 10, 20, 0, 10, 717, 10, 0, 0) // 747 received, 10 REST books
                        .fact("subscribed:diff_order_book", 10).fact("subscribed:live_trades", 10)
                        .fact("taker buys", 1) // nine taker sells (ethusd)
                        .keyIsSymbol().event(BitstampFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"event\":\"data\",| malformed JSON")
                        .unknownType("{\"event\":\"bts:wat\",\"channel\":\"x_ethusd\"}| unknown event 'bts:wat'",
                                "{\"event\":\"data\",\"channel\":\"order_book_ethusd\",\"data\":{}}| unsupported channel 'order_book_ethusd'")
                        .badNumber("{\"event\":\"data\",\"channel\":\"diff_order_book_ethusd\",\"data\":{\"microtimestamp\":\"1\",\"bids\":[[\"12345678901.123456789\",\"1\"]],\"asks\":[]}}| not an exact decimal")
                        .catalog("BITSTAMP.0", 140, n -> "{\"data\":{\"microtimestamp\":\"1\",\"bids\":[],\"asks\":[]},"
                                + "\"channel\":\"diff_order_book_" + n + "\",\"event\":\"data\"}", true, 10_000),
                cryptofeed("bybit usdt", "bybit", "BYBIT", "BYBIT.ws.25.0")
                        .counts(BybitOracle::count, 3342, 16, 0, 101, 3252, 8, 0, 0) // trades = trade rows; ignored: subscription replies
                        .fact("trade frames", 66).fact("cross_seq not increasing", 0) // cross_seq strictly increases per symbol
                        .fact("books outside the 25-level window", 0) // after every delta each book holds exactly 25 levels a side
                        .keyIsSymbol().keysFromRawLines().event(DecoderCases::bybit).symbols(8)
                        .badJson("| empty frame", "{\"topic\":| malformed JSON")
                        .unknownType("{\"foo\":1}| unknown message", "{\"topic\":\"orderBookL3.BTCUSD\",\"type\":\"snapshot\",\"data\":[]}| unknown topic")
                        .badNumber("{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[{\"price\":\"12345678901.123456789\",\"symbol\":\"BTCUSD\",\"id\":1,\"side\":\"Buy\",\"size\":1}],\"insert\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| not an exact decimal")
                        .catalog("BYBIT.0", 15, null, true, 0), // 4 inverse perpetuals, 9 USDT perpetuals, 2 inverse futures
                cryptofeed("bybit inverse", "bybit", "BYBIT", "BYBIT.ws.26.0")
                        .counts(BybitOracle::count, 1098, 4, 0, 150, 1016, 2, 0, 0)
                        .fact("trade frames", 76).fact("cross_seq not increasing", 0).fact("books outside the 25-level window", 0)
                        .keyIsSymbol().keysFromRawLines().event(DecoderCases::bybit).symbols(2)
                        .catalog("BYBIT.0", 15, null, true, 0),
                cryptofeed("coinbase", "coinbase", "COINBASE", "COINBASE.ws.28.0")
                        .counts(CoinbaseOracle::count, 9946, 3 + 10, 0, 97, 9719, 10, 107, 0)
                        .fact("subscriptions", 3).fact("last_match", 10)
                        .keyIsSymbol().event(DecoderCases::coinbase)
                        .badJson("| empty frame", "{\"type\":\"match\",\"trade_id\":1,| malformed JSON", "[1,2]| not a JSON object")
                        .unknownType("{\"type\":\"received\",\"product_id\":\"SKL-USD\"}| unknown message type 'received'")
                        .badNumber("{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":\"1\",\"price\":\"12345678901.123456789\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'price' is not an exact decimal")
                        .catalog("COINBASE.0", 162, null, true, 0),
                cryptofeed("deribit", "deribit", "DERIBIT", "DERIBIT.ws.1.0")
                        .counts(DeribitOracle::count, 136, 1, 0, 0, 36, 10, 89, 0).fact("books", 10)
                        .fact("derivatives", 89) // every ticker: mark, index, open interest (options: no funding)
                        .keyIsSymbol().event(DecoderCases::deribit)
                        .decoded((raw, d) -> assertEquals(raw.fact("derivatives"), d.fact("derivatives")))
                        .badJson("| empty frame", "{\"jsonrpc\":\"2.0\",| malformed JSON")
                        .unknownType("{\"jsonrpc\":\"2.0\",\"method\":\"user.orders\",\"params\":{}}| unknown method 'user.orders'")
                        .badNumber("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[[\"new\",12345678901.123456789,1.0]],\"asks\":[]}}}| is not an exact decimal")
                        .catalog("DERIBIT.0", 398 + 426 + 177 + 16, null, true, 0), // every future and option of the four lists
                cryptofeed("gateio", "gateio", "GATEIO", "GATEIO.ws.1.0")
                        // received lines + REST snapshots; OMG_USDT, INK_USDT, DIS_USDT, BTC_USDC hold sizes of 9-10
                        // decimals: decoded at scale 9-10, no dead letter
                        .counts(GateioOracle::spot, 239 + 10, 22 + 14, 0, 9, 172, 10, 22, 0) // ignored: subscribe replies, candlesticks
                        .fact("spot.order_book_update/update", 172)
                        .fact("spot.tickers/update", 22).fact("spot.candlesticks/update", 14).fact("spot.trades/update", 9)
                        .fact("spot.order_book_update/subscribe", 10).fact("spot.candlesticks/subscribe", 10)
                        .fact("spot.trades/subscribe", 1).fact("spot.tickers/subscribe", 1)
                        .fact("REST books", 10).fact("books", 10)
                        .keyIsSymbol().event((f, ev, d) -> gateio(ev, "", 1_619_093_500_000L, 1_619_093_600_000L))
                        .badJson("| empty frame", "{\"channel\":| malformed JSON")
                        .unknownType("{\"channel\":\"spot.balances\",\"event\":\"update\",\"result\":{}}| unknown channel 'spot.balances'")
                        .badNumber("{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1\",\"side\":\"buy\",\"currency_pair\":\"DIS_USDT\",\"amount\":\"12345678901.123456789\",\"price\":\"1\"}}| field 'amount' is not an exact decimal")
                        .catalog("GATEIO.0", 1458, null, false, 0),
                cryptofeed("gateio-futures", "gateio-futures", "GATEIO_FUTURES", "GATEIO_FUTURES.ws.1.0")
                        // received lines + REST snapshots; no trade in the capture
                        .counts(GateioOracle::futures, 450 + 10, 22 + 1, 0, 0, 352, 10, 75, 0) // ignored: subscribe replies, the candlestick
                        .fact("futures.order_book_update/update", 352).fact("futures.book_ticker/update", 75)
                        .fact("futures.candlesticks/update", 1).fact("futures.candlesticks/subscribe", 10)
                        .fact("futures.order_book_update/subscribe", 10).fact("futures.trades/subscribe", 1)
                        .fact("futures.book_ticker/subscribe", 1).fact("REST books", 10).fact("books", 10)
                        .keyIsSymbol().event((f, ev, d) -> gateio(ev, "-PERP", 1_684_930_160_000L, 1_684_930_200_000L))
                        .unknownType("{\"channel\":\"futures.usertrades\",\"event\":\"update\",\"result\":[]}| unknown channel 'futures.usertrades'")
                        .catalog("GATEIO_FUTURES.0", 302, null, false, 0),
                cryptofeed("gemini", "gemini", "GEMINI", "GEMINI.ws.1.0")
                        .counts(GeminiOracle::count, 678, 7, 0, 16, 645, 10, 0, 0)
                        .fact("books", 10).fact("past trades", 500) // 50 past trades in each book message
                        .keyIsSymbol().event(DecoderCases::gemini)
                        .badJson("| empty frame", "{\"type\":\"trade\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"type\":\"candles_1m_updates\",\"symbol\":\"BTCUSD\"}| unknown message type 'candles_1m_updates'")
                        .badNumber("{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"12345678901.123456789\",\"1\"]]}| not an exact decimal")
                        .catalog("GEMINI.0", 71, n -> "{\"type\":\"l2_updates\",\"symbol\":\"" + n + "\",\"changes\":[]}", true, 3_000),
                cryptofeed("kraken book", "kraken", "KRAKEN", "KRAKEN.ws.50.0")
                        .counts(KrakenOracle::count, 4321, 42, 0, 0, 4269, 10, 0, 4269)
                        .fact("heartbeat", 31).fact("subscriptionStatus", 10).fact("systemStatus", 1)
                        .keyIsSymbol().sendsChecksums().event(KrakenFrameDecoderTest::event).symbols(10)
                        .badJson("| empty frame", "[464,{\"a\":| malformed JSON", "\"text\"| neither a JSON object nor an array")
                        .unknownType("{\"event\":\"addOrder\"}| unknown event 'addOrder'",
                                "[464,{\"a\":[]},\"candles\",\"XBT/CHF\"]| unknown channel 'candles'")
                        .badNumber("[464,{\"a\":[[\"12345678901.123456789\",\"2.0\",\"1.5\"]]},\"book-10\",\"XBT/CHF\"]| field 'a[0].price' is not an exact decimal")
                        .catalog("KRAKEN.0", 293, null, false, 0), // 304 pairs less 11 dark-pool (.d) pairs without wsname
                cryptofeed("kraken trade", "kraken", "KRAKEN", "KRAKEN.ws.48.0")
                        .counts(KrakenOracle::count, 49, 41, 0, 10, 0, 0, 0, 0)
                        .fact("heartbeat", 30).fact("subscriptionStatus", 10).fact("systemStatus", 1).fact("trade frames", 8)
                        .keyIsSymbol().sendsChecksums().event(KrakenFrameDecoderTest::event)
                        .symbols(2), // trades in XMR/USD and SC/EUR only
                cryptofeed("kraken ticker", "kraken", "KRAKEN", "KRAKEN.ws.49.0")
                        .counts(KrakenOracle::count, 60, 42, 0, 0, 0, 0, 18, 0)
                        .fact("heartbeat", 31).fact("subscriptionStatus", 10).fact("systemStatus", 1)
                        .keyIsSymbol().sendsChecksums().event(KrakenFrameDecoderTest::event).symbols(10),
                cryptofeed("kraken-futures", "kraken-futures", "KRAKEN_FUTURES", "KRAKEN_FUTURES.ws.1.0")
                        .counts(KrakenFuturesOracle::count, 7175, 1 + 30 + 10, 0, 3, 7014, 10, 107, 0)
                        .fact("event:info", 1).fact("event:subscribed", 30).fact("trade_snapshot", 10)
                        .keyIsSymbol().event(KrakenFuturesFrameDecoderTest::event).decoded(KrakenFuturesFrameDecoderTest::decoded)
                        .badJson("| empty frame", "{\"feed\":\"book\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"feed\":\"book_delta\",\"product_id\":\"PI_XBTUSD\"}| unknown feed 'book_delta'",
                                "{\"event\":\"challenge\"}| unknown event 'challenge'")
                        .badNumber("{\"feed\":\"book\",\"product_id\":\"PI_XBTUSD\",\"side\":\"buy\",\"seq\":1,\"price\":12345678901.123456789,\"qty\":1,\"timestamp\":1}| field 'price' is not an exact decimal")
                        .catalog("KRAKEN_FUTURES.0", 17, null, true, 0), // 17 futures_inverse; the 10 spot indices left out
                cryptofeed("kucoin", "kucoin", "KUCOIN", "KUCOIN.ws.1.0")
                        // received lines + REST snapshots; the frames finer than 1e-8 (CAPP-BTC, ANKR-BTC, DAPPT-BTC tick
                        // at 1e-10) decode at scale 10; the dead letter: BCHSV-USDT's REST book, whose ask at 100000000
                        // and size of 0.00019434546 need 20 digits at one scale (one scale per frame, see docs/status.md)
                        .counts(KucoinOracle::count, 4721 + 9, 13 + 1 + 6, 1, 18, 3853, 9 - 1, 830, 0)
                        .fact("ack", 13).fact("welcome", 1).fact("trade.l2update", 3853).fact("trade.ticker", 830)
                        .fact("trade.l3match", 18).fact("trade.candles.add", 5).fact("trade.candles.update", 1)
                        .fact("REST books", 9).fact("dead snapshots", 1)
                        .keyIsSymbol().event(DecoderCases::kucoin).decoded(DecoderCases::kucoin)
                        .badJson("| empty frame", "{\"type\":\"message\",| malformed JSON")
                        .unknownType("{\"type\":\"notice\"}| unknown message type 'notice'",
                                "{\"data\":{},\"subject\":\"x\",\"topic\":\"/market/level3:SNX-BTC\",\"type\":\"message\"}| unknown topic '/market/level3'")
                        .badNumber("{\"data\":{\"symbol\":\"SNX-BTC\",\"sequence\":\"12\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"12345678901.123456789\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:SNX-BTC\",\"type\":\"message\"}| field 'price' is not an exact decimal"),
                cryptofeed("okx", "okx", "OKX", "OKX.ws.1.0")
                        .counts(OkxOracle::count, 410, 18 + 3, 0, 71, 287, 3, 28, 290) // snapshots and updates all carry a checksum
                        .fact("event:subscribe", 18).fact("pre-session trades", 3) // one per instrument, pushed on subscribe
                        .fact("books:snapshot", 3).fact("books:update", 287).fact("tickers", 28).fact("trades", 74)
                        .fact("book levels", 8264)
                        .keyIsSymbol().sendsChecksums().event(OkxFrameDecoderTest::event).decoded(OkxFrameDecoderTest::decoded)
                        .badJson("{\"arg\":{\"channel\":\"books\"| malformed JSON")
                        .unknownType("{\"event\":\"surprise\"}| unknown event 'surprise'",
                                "{\"arg\":{\"channel\":\"nope\",\"instId\":\"BTC-USDT\"},\"data\":[{}]}| unknown channel")
                        .badNumber("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"tradeId\":\"1\",\"px\":\"12345678901.123456789\",\"sz\":\"0.001\",\"side\":\"buy\",\"ts\":\"1652459226050\"}]}| px")
                        .catalog("OKX.0", 2565 / 5 + 830 / 5 + 520 / 5 + 3480 / 5, null, false, 0), // the lists were recorded 5 times
                cryptofeed("hitbtc", "hitbtc", "HITBTC", "HITBTC.ws.1.0")
                        // API v2; the frames of pairs ticking finer than 1e-8 (DNTBTC, GRTBTC, POLYBTC, VETBTC, INSURBTC)
                        // decode at scales 9-10: no dead letter
                        .counts(HitbtcOracle::count, 800, 40 + 10 + 10, 0, 0, 73 + 444, 10 + 10, 11 + 192, 0)
                        .fact("result", 40).fact("snapshotCandles", 10).fact("snapshotTrades", 10).fact("past trades", 1000)
                        .fact("snapshotOrderbook", 20).fact("updateOrderbook", 517).fact("ticker", 203)
                        .fact("repeated snapshots", 10) // each pair's snapshot re-sent ~1 s later, at the same sequence
                        .fact("books", 8) // GVTETH, MTXUSD: no update in the 30 s
                        .keyIsSymbol().event(DecoderCases::hitbtc)
                        .badJson("| empty frame", "{\"jsonrpc\":\"2.0\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"jsonrpc\":\"2.0\",\"method\":\"report\",\"params\":{}}| unknown method 'report'",
                                "{\"ch\":\"orderbook/D5/100ms\",\"data\":{}}| unknown channel 'orderbook/D5/100ms'",
                                "{\"foo\":1}| unknown message")
                        .badNumber("{\"jsonrpc\":\"2.0\",\"method\":\"updateTrades\",\"params\":{\"data\":[{\"id\":1,\"price\":\"12345678901.123456789\",\"quantity\":\"1\",\"side\":\"buy\",\"timestamp\":\"2021-07-15T03:06:44.000Z\"}],\"symbol\":\"VETBTC\"}}| field 'price' is not an exact decimal")
                        .catalog("HITBTC.0", 1242, DecoderCases::hitbtcTicker, false, 0),
                cryptofeed("bequant", "bequant", "BEQUANT", "BEQUANT.ws.1.0")
                        .counts(HitbtcOracle::count, 1362, 40 + 10 + 10 + 10, 0, 10, 965, 10, 307, 0)
                        .fact("result", 40).fact("snapshotCandles", 10).fact("updateCandles", 10).fact("snapshotTrades", 10)
                        .fact("past trades", 1000).fact("updateTrades", 10).fact("snapshotOrderbook", 10)
                        .fact("updateOrderbook", 965).fact("ticker", 307).fact("taker buy", 5).fact("taker sell", 5)
                        .fact("books", 9) // ETHEURS: no update in the 30 s
                        .keyIsSymbol().event(DecoderCases::hitbtc)
                        .catalog("BEQUANT.0", 185 - 61, DecoderCases::hitbtcTicker, false, 10_000), // less the 61 _BQX pairs
                cryptofeed("fmfw", "fmfw", "FMFW", "FMFW.ws.1.0")
                        // API v3; no dead letter: TRVBCH's book snapshot and one ticker (prices of 1e-9) decode at
                        // scale 9, BORUSDT's snapshot (asks at 99999999999999, above the 8-decimal mantissa's 9.2e10) at 2
                        .counts(HitbtcOracle::count, 966, 4 + 4, 0, 4, 869, 8 + 2, 74 + 1, 0)
                        .fact("result", 4).fact("candles/M1:update", 4).fact("orderbook/full:snapshot", 10)
                        .fact("orderbook/full:update", 869).fact("ticker/1s:data", 75).fact("trades:update", 4)
                        .fact("taker buy", 3).fact("taker sell", 1).fact("books", 9)
                        .keyIsSymbol().event(DecoderCases::hitbtc)
                        .badJson("{\"ch\":\"orderbook/full\",| malformed JSON")
                        .unknownType("{\"ch\":\"orderbook/top/1000ms\",\"data\":{}}| unknown channel 'orderbook/top/1000ms'")
                        .badNumber("{\"ch\":\"orderbook/full\",\"update\":{\"NEOBTC\":{\"t\":1633806854817,\"s\":1,\"a\":[[\"12345678901.123456789\",\"1\"]],\"b\":[]}}}| field 'a[0].price' is not an exact decimal")
                        .catalog("FMFW.0", 424, DecoderCases::hitbtcTicker, false, 0),
                cryptofeed("okcoin", "okcoin", "OKCOIN", "OKCOIN.ws.1.0")
                        // OKX's v5 protocol; every trade of the session is the pre-session one pushed on subscribe
                        .counts(OkxOracle::count, 70, 56, 0, 0, 2, 4, 8, 6) // ignored: acks, candles, the 4 pre-session trades
                        .fact("event:subscribe", 40).fact("candle1m", 12).fact("pre-session trades", 4).fact("trades", 4)
                        .fact("books:snapshot", 4).fact("books:update", 2).fact("tickers", 8).fact("book levels", 720)
                        .keyIsSymbol().sendsChecksums().event(OkcoinFrameDecoderTest::event).decoded(OkcoinFrameDecoderTest::decoded)
                        .badJson("{\"arg\":{\"channel\":\"books\"| malformed JSON")
                        .unknownType("{\"arg\":{\"channel\":\"books-l2-tbt\",\"instId\":\"BTC-USD-SWAP\"},\"action\":\"update\",\"data\":[]}| OKCoin instIds are spot pairs")
                        .badNumber("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USD\"},\"data\":[{\"tradeId\":\"1\",\"px\":\"12345678901.123456789\",\"sz\":\"0.001\",\"side\":\"buy\",\"ts\":\"1685221683303\"}]}| px")
                        .catalog("OKCOIN.0", 4, null, true, 500),
                cryptofeed("bitget", "bitget", "BITGET", "BITGET.ws.1.0", "BITGET.ws.2.0")
                        // API v1: spot (ws.1) and USDT-margined perpetuals (ws.2) as one feed; nothing finer than 1e-8
                        .counts(BitgetOracle::count, 1157, 40 + 10 + 60 + 10, 0, 55, 627, 10, 345, 637) // ignored: acks, candles, trade snapshots
                        .fact("event:subscribe", 40).fact("books:snapshot", 10).fact("books:update", 627)
                        .fact("candle1m:snapshot", 10).fact("candle1m:update", 60).fact("trade:snapshot", 10)
                        .fact("past trades", 500).fact("trade:update", 55).fact("taker buy", 33).fact("taker sell", 22)
                        .fact("ticker:snapshot", 345).fact("tickers with bid = ask", 32).fact("books", 10)
                        .fact("derivatives", 217) // every perpetual ticker entry
                        .keyIsSymbol().sendsChecksums().event(BitgetFrameDecoderTest::event).decoded(BitgetFrameDecoderTest::decoded)
                        .badJson("| empty frame", "{\"action\":\"update\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"event\":\"login\",\"code\":0}| unknown event 'login'",
                                "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"sp\",\"channel\":\"books15\",\"instId\":\"EOSUSDT\"},\"data\":[]}| unknown channel 'books15'")
                        .badNumber("{\"action\":\"update\",\"arg\":{\"instType\":\"sp\",\"channel\":\"trade\",\"instId\":\"CULTUSDT\"},\"data\":[[\"1649290077777\",\"12345678901.123456789\",\"1\",\"buy\"]]}| field 'data[0].price' is not an exact decimal")
                        .catalog("BITGET.0", 245 + 51 + 8, BitgetFrameDecoderTest::tickerFrame, false, 10_000),
                cryptofeed("phemex", "phemex", "PHEMEX", "PHEMEX.ws.1.0", "PHEMEX.ws.2.0")
                        // books and trades of 5 USD perpetuals and 5 spot pairs (ws.1), their candles (ws.2); scaled
                        // integers, exact at every product's scale: no dead letter
                        .counts(PhemexOracle::count, 1392 + 56, 30 + 10 + 46, 0, 25, 1324, 13, 0, 0) // ignored: replies, trade snapshots, klines
                        .fact("reply", 30).fact("kline:snapshot", 10).fact("kline:incremental", 36)
                        .fact("trades:snapshot", 10).fact("past trades", 10 * 1000).fact("trades:incremental", 25)
                        .fact("taker Buy", 18).fact("taker Sell", 7).fact("book:snapshot", 13).fact("book:incremental", 1324)
                        .fact("re-sent snapshots", 3) // sGRTUSDT, sENJUSDT, sSUSHIUSDT: at the book's sequence, equal to it
                        .fact("books", 10)
                        .keyIsSymbol().event(PhemexFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"book\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"tick\":{\"last\":1},\"symbol\":\".BTC\"}| unknown message",
                                "{\"book\":{\"asks\":[],\"bids\":[]},\"sequence\":1,\"symbol\":\"BTCUSD\",\"timestamp\":1,\"type\":\"partial\"}| unknown type 'partial'")
                        // a scaled integer cannot be finer than its scale: the bad number is a decimal where an integer belongs
                        .badNumber("{\"sequence\":1,\"symbol\":\"YFIUSD\",\"trades\":[[1625342246173227295,\"Buy\",33000.55,10]],\"type\":\"incremental\"}| field 'trades[0].price' must be an integer")
                        .catalog("PHEMEX.0", 37 + 30, PhemexFrameDecoderTest::tradeFrame, true, 2_000),
                cryptofeed("poloniex", "poloniex", "POLONIEX", "POLONIEX.ws.1.0")
                        // API v3, 11 spot pairs; MDT_BTC's book snapshot (prices of 1e-9) decodes at scale 9
                        .counts(PoloniexOracle::count, 302, 2, 0, 6, 283, 10 + 1, 0, 0) // ignored: subscribe acknowledgements
                        .fact("event:subscribe", 2).fact("book_lv2:snapshot", 11).fact("book_lv2:update", 283)
                        .fact("trades", 6)
                        .fact("taker buy", 3).fact("taker sell", 3)
                        .fact("books", 6) // EFI, DYP, GF, ZEC, MDT_BTC: no update in the 30 s
                        .keyIsSymbol().event(PoloniexFrameDecoderTest::event).decoded(PoloniexFrameDecoderTest::decoded)
                        .badJson("| empty frame", "{\"channel\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"event\":\"auth\"}| unknown event 'auth'",
                                "{\"channel\":\"ticker\",\"data\":[]}| unknown channel 'ticker'")
                        .badNumber("{\"channel\":\"trades\",\"data\":[{\"symbol\":\"MDT_BTC\",\"quantity\":\"1\",\"takerSide\":\"sell\",\"createTime\":1,\"price\":\"12345678901.123456789\",\"id\":\"1\",\"ts\":1}]}| field 'price' is not an exact decimal")
                        .catalog("POLONIEX.0", 524, PoloniexFrameDecoderTest::tradeFrame, false, 0), // 62 markets tick finer than 1e-8
                cryptofeed("huobi", "huobi", "HUOBI", "HUOBI.ws.44.0")
                        // gzip frames recorded as bytes literals; numbers finer than 1e-8 (trioeth's 1e-10 prices, sizes
                        // of up to 15 decimals in borusdt, omgbtc books, fil3susdt trades) decode at scales 9-15; dead
                        // letters: the 45 xvgeth and fil3susdt books whose sizes span 20 digits (5993289.85 beside
                        // 13-decimal dust): no long mantissa scale holds both
                        .counts(HuobiOracle::count, 362, 6 + 20, 45, 47 + 26, 0, 147 + 100, 0, 0)
                        .fact("ping", 6).fact("status:ok", 20).fact("depth.step0", 292).fact("trade.detail", 44)
                        .fact("depth.step0 (no long scale holds it)", 45)
                        .fact("taker buy", 17 + 26).fact("taker sell", 30).fact("books", 9)
                        .keyIsSymbol().event(HuobiFrameDecoderTest::event).decoded(HuobiFrameDecoderTest::decoded)
                        .badJson("| empty frame", "{\"ch\":\"market.| malformed JSON", "[1]| not a JSON object",
                                "b'\\x1f\\x8b\\x08'| gzip frame of 3 bytes")
                        .unknownType("{\"ch\":\"market.btcusdt.mbp.150\",\"tick\":{}}| unsupported channel 'mbp.150'",
                                "{\"op\":\"notify\"}| unknown message")
                        .badNumber("{\"ch\":\"market.trioeth.trade.detail\",\"ts\":1,\"tick\":{\"data\":[{\"tradeId\":1,\"ts\":1,\"amount\":20995.88,\"price\":12345678901.123456789,\"direction\":\"buy\"}]}}| field 'price' is not an exact decimal")
                        .catalog("HUOBI.0", 938, HuobiFrameDecoderTest::spotTrade, false, 0), // 158 pairs tick finer than 1e-8
                cryptofeed("huobi-swap", "huobi-swap", "HUOBI_SWAP", "HUOBI_SWAP.ws.1.0", "HUOBI_SWAP.ws.2.0")
                        // coin-margined (swap-ws) then USDT-margined (linear-swap-ws); every book is whole, a repeat
                        // at the same mrid is the same book (69)
                        .counts(HuobiOracle::count, 1296 + 1617, 12 + 20, 0, 25, 0, 2862, 0, 0)
                        .fact("ping", 12).fact("status:ok", 20).fact("depth.step0", 2862).fact("trade.detail", 19)
                        .fact("taker buy", 7).fact("taker sell", 18).fact("repeated books", 69).fact("books", 10)
                        .keyIsSymbol().event(HuobiFrameDecoderTest::event).symbols(10)
                        .badNumber("{\"ch\":\"market.SHIB-USD.trade.detail\",\"ts\":1,\"tick\":{\"data\":[{\"id\":1,\"ts\":1,\"amount\":2,\"price\":12345678901.123456789,\"direction\":\"sell\"}]}}| field 'price' is not an exact decimal")
                        .catalog("HUOBI_SWAP.0", 50 + 121, HuobiFrameDecoderTest::swapTrade, true, 400_000), // every price on its tick, size on its lot
                // issue 16, batch B
                cryptofeed("dydx", "dydx", "DYDX", "DYDX.ws.1.0")
                        // v3, 10 perpetuals; ignored: connected, trade snapshots, updates older than every level they name
                        .counts(DydxOracle::count, 4733, 1 + 10 + 34, 0, 26, 4687 - 34, 10, 0, 0)
                        .fact("connected", 1).fact("subscribed:v3_orderbook", 10).fact("subscribed:v3_trades", 10)
                        .fact("past trades", 1000).fact("channel_data:v3_orderbook", 4687).fact("channel_data:v3_trades", 25)
                        .fact("taker BUY", 13).fact("taker SELL", 13).fact("zero-size snapshot levels", 1082)
                        .fact("stale levels", 34).fact("updates older than every level", 34).fact("books", 10)
                        .keyIsSymbol().event(DydxFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"type\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"type\":\"surprise\"}| unknown message type 'surprise'",
                                "{\"type\":\"channel_data\",\"id\":\"ETH-USD\",\"channel\":\"v3_markets\",\"contents\":{}}| unknown channel 'v3_markets'")
                        .badNumber("{\"type\":\"channel_data\",\"id\":\"ETH-USD\",\"channel\":\"v3_orderbook\",\"contents\":{\"offset\":\"1\",\"bids\":[[\"12345678901.123456789\",\"1\"]],\"asks\":[]}}| is not an exact decimal")
                        .catalog("DYDX.0", 27, DydxFrameDecoderTest::tradeFrame, true, 0),
                cryptofeed("independent-reserve", "independent-reserve", "INDEPENDENT_RESERVE", "INDEPENDENT_RESERVE.ws.1.0")
                        // order-by-order channels of 5 bases + 5 REST snapshots (one pair each); frames keyed by base;
                        // ignored: heartbeat, subscription list, the first message of each base (before its snapshot)
                        .counts(IndependentReserveOracle::count, 1665 + 5, 1 + 1 + 5, 0, 0, 1658, 5, 0, 0)
                        .fact("Heartbeat", 1).fact("Subscriptions", 1).fact("NewOrder", 831).fact("OrderCanceled", 832)
                        .fact("before the base's snapshot", 5).fact("books", 5)
                        .fact("cancels of orders not in the book", 37) // the snapshot is newer than the messages received after it
                        .event(IndependentReserveFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"Event\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"Event\":\"Surprise\"}| unknown event 'Surprise'",
                                "{\"Channel\":\"candles-dot\",\"Nonce\":1,\"Data\":{},\"Time\":1,\"Event\":\"NewOrder\"}| unknown channel 'candles-dot'")
                        .badNumber("{\"Channel\":\"ticker-dot-nzd\",\"Nonce\":1,\"Data\":{\"TradeGuid\":\"x\",\"Pair\":\"dot-nzd\",\"TradeDate\":\"2022-04-03T22:10:10.2+00:00\",\"Price\":12345678901.123456789,\"Volume\":1,\"Side\":\"Buy\"},\"Time\":1,\"Event\":\"Trade\"}| is not an exact decimal")
                        .catalog("INDEPENDENT_RESERVE.0", 28 * 4, null, true, 0), // every primary × every secondary
                cryptofeed("delta", "delta", "DELTA", "DELTA.ws.1.0")
                        // 10 USDT options: whole books; no trade in the 30 s; ignored: subscription list, candles
                        .counts(DeltaOracle::count, 309 + 10 + 1, 1 + 10, 0, 0, 0, 309, 0, 0)
                        .fact("subscriptions", 1).fact("candlestick_1m", 10).fact("l2_orderbook", 309).fact("books", 10)
                        .keyIsSymbol().event(DeltaFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"type\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"type\":\"v2/ticker\",\"symbol\":\"BTCUSDT\"}| unknown message type 'v2/ticker'")
                        .badNumber("{\"buyer_role\":\"taker\",\"price\":\"12345678901.123456789\",\"size\":1,\"symbol\":\"BTCUSDT\",\"timestamp\":1,\"type\":\"all_trades\"}| is not an exact decimal")
                        // 740 products less 16 dated futures, 4 move options, a swap and a spread
                        .catalog("DELTA.0", 740 - 16 - 4 - 1 - 1, DeltaFrameDecoderTest::tradeFrame, true, 0),
                cryptofeed("upbit", "upbit", "UPBIT", "UPBIT.ws.62.0")
                        // SIMPLE format, every frame a Python bytes literal of JSON; whole 15-unit books
                        .counts(UpbitOracle::count, 449, 0, 0, 304, 0, 145, 0, 0)
                        .fact("bytes literals", 449).fact("trade REALTIME", 304).fact("orderbook REALTIME", 145)
                        .fact("taker BID", 104).fact("taker ASK", 200).fact("books", 5)
                        .keyIsSymbol().event(UpbitFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"ty\":| malformed JSON", "[1]| not a JSON object",
                                "b'{\"ty\"| bytes literal without its closing quote")
                        .unknownType("{\"ty\":\"ticker\",\"cd\":\"KRW-BTC\"}| unknown message type 'ticker'")
                        .badNumber("{\"ty\":\"trade\",\"cd\":\"KRW-BTC\",\"ttms\":1,\"tp\":12345678901.123456789,\"tv\":1.0,\"ab\":\"BID\",\"sid\":1,\"st\":\"REALTIME\"}| is not an exact decimal")
                        .catalog("UPBIT.0", 294, UpbitFrameDecoderTest::tradeFrame, true, 0),
                cryptofeed("blockchain", "blockchain", "BLOCKCHAIN", "BLOCKCHAIN.ws.1.0")
                        // 10 pairs, about 10 s: l2 snapshots and updates, no trade; the connection's seqnum never skips
                        .counts(BlockchainOracle::count, 98, 20, 0, 0, 68, 10, 0, 0)
                        .fact("l2:subscribed", 10).fact("trades:subscribed", 10).fact("l2:snapshot", 10).fact("l2:updated", 68)
                        .fact("books", 4) // updated in the 10 s: ALGO-BTC, ENJ-USDT, XLM-EUR, YFI-USDT
                        .keyIsSymbol().event(BlockchainFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"seqnum\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"seqnum\":1,\"event\":\"partial\",\"channel\":\"l2\"}| unknown event 'partial'",
                                "{\"seqnum\":1,\"event\":\"updated\",\"channel\":\"l3\"}| unknown channel 'l3'")
                        .badNumber("{\"seqnum\":1,\"event\":\"updated\",\"channel\":\"trades\",\"symbol\":\"BTC-USD\",\"timestamp\":\"2019-08-13T11:30:06.100140Z\",\"side\":\"sell\",\"qty\":1,\"price\":12345678901.123456789,\"trade_id\":\"1\"}| is not an exact decimal")
                        .catalog("BLOCKCHAIN.0", 78, BlockchainFrameDecoderTest::tradeFrame, true, 0),
                cryptofeed("probit", "probit", "PROBIT", "PROBIT.ws.66.0")
                        // marketdata of 10 markets: a reset (the whole book, 100 past trades) each, then 17 changes
                        .counts(ProbitOracle::count, 27, 0, 0, 1, 17, 10, 0, 0)
                        .fact("resets", 10).fact("changes", 17).fact("past trades", 1000).fact("taker buy", 1).fact("books", 4)
                        .keyIsSymbol().event(ProbitFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"channel\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"channel\":\"ticker\",\"market_id\":\"XEM-USDT\",\"status\":\"ok\"}| unknown channel 'ticker'")
                        .badNumber("{\"channel\":\"marketdata\",\"market_id\":\"XEM-USDT\",\"status\":\"ok\",\"order_books\":[{\"side\":\"buy\",\"price\":\"12345678901.123456789\",\"quantity\":\"1\"}],\"recent_trades\":[]}| is not an exact decimal")
                        .catalog("PROBIT.0", 1117, ProbitFrameDecoderTest::tradeFrame, false, 0), // 102 tick or lot finer than 1e-8
                // ---- issue 16, batch A
                cryptofeed("ascendex", "ascendex", "ASCENDEX", "ASCENDEX.ws.1.0")
                        // spot API v1, 10 pairs; ZIG, DIVI, XDAI... levels of 9+ decimals decode at their scale
                        .counts(AscendexOracle::count, 313, 1 + 20 + 2, 0, 4, 277, 10, 0, 0)
                        .fact("connected", 1).fact("sub", 20).fact("ping", 2).fact("depth", 277).fact("depth-snapshot", 10)
                        .fact("trades", 3).fact("taker sell", 4).fact("books", 9) // DIVI/USDT: no update after its snapshot
                        .keyIsSymbol().event(AscendexFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"m\":\"depth\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"m\":\"bbo\",\"symbol\":\"BTC/USDT\",\"data\":{}}| unknown message 'm':'bbo'",
                                "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{}}| unknown symbol 'BTC-PERP'")
                        .badNumber("{\"m\":\"trades\",\"symbol\":\"NEO/USDT\",\"data\":[{\"p\":\"12345678901.123456789\",\"q\":\"1\",\"ts\":1,\"bm\":true,\"seqnum\":1}]}| field 'p' is not an exact decimal")
                        // less the 5 BASE-PERP entries; 64 pairs tick finer than 1e-8 (no tick check at scale 8)
                        .catalog("ASCENDEX.0", 337 - 5, AscendexFrameDecoderTest::spotTrade, false, 0),
                cryptofeed("ascendex-futures", "ascendex-futures", "ASCENDEX_FUTURES", "ASCENDEX_FUTURES.ws.1.0")
                        // perpetuals API v2, 10 USDT perpetuals
                        .counts(AscendexOracle::count, 300, 1 + 20 + 2, 0, 12, 257, 10, 0, 0)
                        .fact("connected", 1).fact("sub", 20).fact("ping", 2).fact("depth", 257).fact("depth-snapshot", 10)
                        .fact("trades", 10).fact("taker buy", 10).fact("taker sell", 2).fact("books", 10)
                        .keyIsSymbol().event(AscendexFrameDecoderTest::event)
                        .unknownType("{\"m\":\"depth\",\"symbol\":\"BTC/USDT\",\"data\":{}}| unknown symbol 'BTC/USDT'")
                        .badNumber("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1,\"seqnum\":1,\"asks\":[[\"12345678901.123456789\",\"1\"]],\"bids\":[]}}| is not an exact decimal")
                        .catalog("ASCENDEX_FUTURES.0", 39, AscendexFrameDecoderTest::perpTrade, true, 2_000),
                cryptofeed("bittrex", "bittrex", "BITTREX", "BITTREX.ws.1.0")
                        // SignalR frames of raw-deflated base64 messages + 8 REST books; no trade in the session
                        .counts(BittrexOracle::count, 1257 + 8, 110, 0, 0, 1015, 8, 162, 0)
                        .fact("orderBook", 1015).fact("ticker", 162).fact("candle", 20).fact("invocation results", 40)
                        .fact("keep-alive", 9).fact("frames without data", 41 + 20) // no message, or candles only
                        .fact("books", 7) // FTC-BTC: its one delta is in its snapshot
                        .event(BittrexFrameDecoderTest::event).decoded(BittrexFrameDecoderTest::decoded)
                        .badJson("| empty frame", "{\"C\":\"x\",\"M\":[| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"C\":\"x\",\"M\":[{\"H\":\"C3\",\"M\":\"balance\",\"A\":[\"q1YqrsxNys9RslJyCnHWdQ0NUtJRykksLgkpSkxJDUosSQXKGBuZGJjrmVpaGoAAUEFSZgpCytBEz8zQHCaVWJyNkLIw1jOzgErVAgA=\"]}]}| unknown hub method 'balance'")
                        .badNumber("{\"C\":\"x\",\"M\":[{\"H\":\"C3\",\"M\":\"ticker\",\"A\":[\"q1YqrsxNys9RslJyCnHWdQ0NUtJRykksLgkpSkxJDUosSQXKGALFkjJTYDwjYxNTM3MLSwNDPTgbqCKxOBuqwkipFgA=\"]}]}| field 'bidRate' is not an exact decimal")
                        .catalog("BITTREX.0", 909, BittrexFrameDecoderTest::tickerFrame, true, 0), // the lot is not listed
                cryptofeed("bitflyer", "bitflyer", "BITFLYER", "BITFLYER.ws.1.0")
                        // JSON-RPC 2.0, JSON numbers read exactly; spot, FX (perpetual) and futures products
                        .counts(BitflyerOracle::count, 1103, 0, 0, 162, 722, 60, 249, 0)
                        .fact("lightning_board_snapshot", 60).fact("lightning_board", 722).fact("lightning_executions", 72)
                        .fact("lightning_ticker", 249).fact("taker BUY", 84).fact("taker SELL", 78).fact("books", 10)
                        .keyIsSymbol().event(BitflyerFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"jsonrpc\":\"2.0\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"jsonrpc\":\"2.0\",\"method\":\"channelMessage\",\"params\":{\"channel\":\"lightning_boards_BTC_JPY\",\"message\":{}}}| unknown channel")
                        .badNumber("{\"jsonrpc\":\"2.0\",\"method\":\"channelMessage\",\"params\":{\"channel\":\"lightning_board_BTC_JPY\",\"message\":{\"bids\":[{\"price\":12345678901.123456789,\"size\":1.0}],\"asks\":[]}}}| is not an exact decimal")
                        .catalog("BITFLYER.0", 13, BitflyerFrameDecoderTest::tickerFrame, true, 0), // no tick or lot listed
                cryptofeed("bitcom", "bitcom", "BIT.COM", "BIT.COM.ws.1.0", "BIT.COM.ws.2.0")
                        // spot (ws.1, 9 pairs) and the NEAR-USDT perpetual (ws.2) as one feed
                        .counts(BitcomOracle::count, 1184, 12, 0, 6, 316 + 715, 9 + 2, 124, 0)
                        .fact("subscription", 6).fact("depth:snapshot", 11).fact("depth:update", 1031).fact("trade", 6)
                        .fact("taker buy", 4).fact("taker sell", 2).fact("ticker", 130)
                        .fact("derivatives", 65) // every perpetual ticker: mark, index, funding rate, open interest
                        .fact("books", 4) // 6 spot pairs: an empty book and no update in the minute
                        .keyIsSymbol().event(BitcomFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"channel\":\"depth\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"channel\":\"kline\",\"timestamp\":1,\"data\":{}}| unknown channel 'kline'")
                        .badNumber("{\"channel\":\"trade\",\"timestamp\":1,\"data\":[{\"created_at\":1,\"trade_id\":\"1\",\"pair\":\"BTC-USD\",\"price\":\"12345678901.123456789\",\"qty\":\"1\",\"side\":\"buy\"}]}| field 'price' is not an exact decimal")
                        .catalog("BIT.COM.0", 183 + 34 + 52, BitcomFrameDecoderTest::tradeFrame, false, 0),
                // Binance TR: binance.com's spot frames and snapshots (the same decoder, rules and oracle)
                binance("binance-tr", "BINANCE_TR", 2183, 3, 3, 0)
                        .counts(BinanceOracle::spot, 139 + 3, 8, 0, 0, 84, 3, 47, 0) // ignored: klines; no aggTrade in the session
                        .decoded(BinanceFrameDecoderTest.symbols("XEM-USDT", "BEL-BTC", "LTC-BRL")) // ELF-BUSD: no frame
                        // its catalog without the per-trade and fits-the-scale checks of binance.com's (as batch A wrote it)
                        .catalog("BINANCE_TR.0", 2183, null, false, 0),
                cryptofeed("bithumb", "bithumb", "BITHUMB", "BITHUMB.ws.1.0")
                        // 6 received lines: two status replies, four transaction messages; no book recorded
                        .counts(BithumbOracle::count, 6, 2, 0, 7, 0, 0, 0, 0)
                        .fact("status 0000", 2).fact("transaction", 4).fact("taker buy", 5).fact("taker sell", 2)
                        .keyIsSymbol().event(BithumbFrameDecoderTest::event)
                        .badJson("| empty frame", "{\"type\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"type\":\"ticker\",\"content\":{}}| unknown type 'ticker'")
                        .badNumber("{\"type\":\"transaction\",\"content\":{\"list\":[{\"buySellGb\":\"1\",\"contPrice\":\"12345678901.123456789\",\"contQty\":\"1\",\"contDtm\":\"2021-06-02 08:43:34.555058\",\"symbol\":\"BTC_KRW\"}]}}| field 'contPrice' is not an exact decimal")
                        .catalog("BITHUMB.0", 167 + 61, BithumbFrameDecoderTest::tradeFrame, true, 0), // KRW and BTC markets
                // ---- no WebSocket capture: the frames are the documented shapes of venue-cases/<feed>.cases
                DecoderCase.documented("gateio-v3 (documented frames)", "gateio-v3", null)
                        .badJson("| empty frame", "{\"method\": \"depth.update\",| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"method\":\"order.update\",\"params\":[],\"id\":null}| unknown method 'order.update'",
                                "{\"id\":1}| neither a method notification nor a reply")
                        .badNumber("{\"method\":\"depth.update\",\"params\":[false,{\"bids\":[[\"12345678901.123456789\",\"1\"]]},\"BTC_USDT\"],\"id\":null}| is not an exact decimal")
                        // v3 trades the pairs of Gate.io's v4 list, recorded in GATEIO.0
                        .catalog("GATEIO.0", 1458, DecoderCases::gateioV3Trade, false, 0),
                DecoderCase.documented("cryptocom (documented frames)", "cryptocom", "CRYPTO.COM")
                        .badJson("| empty frame", "{\"id\":-1,\"method\":| malformed JSON", "[1]| not a JSON object")
                        .unknownType("{\"id\":1,\"method\":\"public/auth\",\"code\":0}| unknown method 'public/auth'",
                                "{\"id\":-1,\"method\":\"subscribe\",\"code\":0,\"result\":{\"instrument_name\":\"BTC_USDT\",\"channel\":\"user.balance\",\"data\":[]}}| unknown channel 'user.balance'")
                        .badNumber("{\"id\":-1,\"method\":\"subscribe\",\"code\":0,\"result\":{\"instrument_name\":\"BTC_USDT\",\"channel\":\"trade\",\"data\":[{\"d\":1,\"s\":\"BUY\",\"p\":12345678901.123456789,\"q\":\"1\",\"t\":1}]}}| is not an exact decimal")
                        // 250 spot pairs; 16 tick or lot finer than 1e-8
                        .catalog("CRYPTO.COM.0", 250, DecoderCases::cryptocomTrade, false, 0));
    }

    /** A Gate.io v3 trade of {@code market}, for the catalog check of the decoder's normalization. */
    static String gateioV3Trade(String market) {
        return "{\"method\": \"trades.update\", \"params\": [\"" + market + "\", [{\"id\": 1, \"time\": 1598060303.5, "
                + "\"price\": \"1\", \"amount\": \"1\", \"type\": \"buy\"}]], \"id\": null}";
    }

    /** A Crypto.com trade of {@code instrument}, for the catalog check of the decoder's normalization. */
    static String cryptocomTrade(String instrument) {
        return "{\"id\":-1,\"method\":\"subscribe\",\"code\":0,\"result\":{\"instrument_name\":\"" + instrument
                + "\",\"subscription\":\"trade." + instrument + "\",\"channel\":\"trade\",\"data\":[{\"d\":\"1\",\"s\":\"BUY\","
                + "\"p\":\"1\",\"q\":\"1\",\"t\":1637630445448,\"i\":\"" + instrument + "\"}]}}";
    }

    /** The event's symbol is the venue's normalization of its native symbol. */
    static void symbolByRule(MarketEvent ev) {
        assertEquals(Venues.forFeed(ev.feed).symbols().normalize(ev.nativeSymbol), ev.symbol);
    }

    static void timeWithin(MarketEvent ev, long fromMs, long toMs) {
        assertTrue(ev.exchangeTimeMs > fromMs && ev.exchangeTimeMs < toMs, ev::toString);
    }

    /** 2021 book rows carry no time; only TRXU21's level ids stay unresolved. */
    static void bitmex(RawFrame f, MarketEvent ev, Decoded d) {
        symbolByRule(ev);
        if (ev.type == EventType.TRADE || ev.type == EventType.BBO) {
            assertTrue(ev.exchangeTimeMs > 1_626_990_000_000L, ev.toString());
        } else {
            assertEquals(0L, ev.exchangeTimeMs, "2021 book rows carry no time");
        }
        if (ev.type == EventType.BOOK_DELTA) {
            assertTrue(ev.lastUpdateId == MarketEvent.NONE ? ev.nativeSymbol.equals("TRXU21") : ev.lastUpdateId > 0, ev::toString);
        }
    }

    /** In the captures' minutes; books numbered by cross_seq, snapshots of 25 levels a side. */
    static void bybit(RawFrame f, MarketEvent ev, Decoded d) {
        symbolByRule(ev);
        timeWithin(ev, 1_618_677_700_000L, 1_618_677_900_000L);
        assertTrue(ev.type == EventType.TRADE || ev.lastUpdateId > 0, ev::toString);
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(List.of(25, 25, 25), List.of(ev.bookDepth, ev.bidPrices.length, ev.askPrices.length));
        }
    }

    /** Product ids are the symbols; snapshots carry no time. */
    static void coinbase(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol, ev.symbol);
        assertTrue(ev.symbol.matches("[A-Z0-9]+-[A-Z0-9]+"), ev.symbol);
        assertTrue(ev.type == EventType.BOOK_SNAPSHOT || ev.exchangeTimeMs > 1_600_000_000_000L, ev::toString);
    }

    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Options of BTC and ETH; a ticker's mark, index and open interest exactly the frame's number text. */
    static void deribit(RawFrame f, MarketEvent ev, Decoded d) throws Exception {
        assertTrue(ev.symbol.matches("(BTC|ETH)-USD-[0-9]{6}-[0-9]+-[CP]"), ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_626_990_000_000L, ev.toString());
        if (ev.type == EventType.DERIVATIVES) {
            assertEquals(MarketEvent.MARK_PRICE | MarketEvent.INDEX_PRICE | MarketEvent.OPEN_INTEREST, ev.derivativeFields,
                    "an option's ticker: no funding " + ev);
            JsonNode data = EXACT.readTree(f.payload).get("params").get("data");
            assertEquals(List.of(0, 0, 0), List.of(
                    data.get("mark_price").decimalValue().compareTo(Decimals.toBigDecimal(ev.markPrice, ev.priceScale)),
                    data.get("index_price").decimalValue().compareTo(Decimals.toBigDecimal(ev.indexPrice, ev.priceScale)),
                    data.get("open_interest").decimalValue().compareTo(Decimals.toBigDecimal(ev.openInterest, ev.sizeScale))));
            assertEquals(data.get("instrument_name").asText(), ev.nativeSymbol);
            d.count("derivatives", 1);
        }
    }

    /** Pairs are the symbols with a dash (contracts perpetuals); book updates and trades in the capture's minute. */
    static void gateio(MarketEvent ev, String suffix, long fromMs, long toMs) {
        assertEquals(ev.nativeSymbol.replace('_', '-') + suffix, ev.symbol);
        if (!suffix.isEmpty() || ev.type == EventType.BOOK_DELTA || ev.type == EventType.TRADE) {
            timeWithin(ev, fromMs, toMs);
        }
    }

    /** Book events: the receive time orders them (no sequence); l2_updates carry no time. */
    static void gemini(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.type == EventType.TRADE ? MarketEvent.NONE : f.receiveTimeNs, ev.lastUpdateId);
        if (ev.type == EventType.TRADE) {
            assertTrue(ev.exchangeTimeMs > 1_624_493_666_000L, ev.toString());
        } else {
            assertEquals(0L, ev.exchangeTimeMs, "l2_updates carry no time");
        }
    }

    /** Symbols by the feed's own rule, exchange times of the session, a sequence on every book event. */
    static void hitbtc(RawFrame f, MarketEvent ev, Decoded d) {
        symbolByRule(ev);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        timeWithin(ev, receiveMs - 86_400_000L, receiveMs + 5_000L);
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0, ev.toString());
            case TRADE -> assertTrue(ev.tradeId > 0, ev.toString());
            default -> assertEquals(EventType.BBO, ev.type);
        }
    }

    /** A v2 ticker of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    static String hitbtcTicker(String nativeSymbol) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"ticker\",\"params\":{\"ask\":\"2\",\"bid\":\"1\","
                + "\"timestamp\":\"2021-07-15T03:06:37.000Z\",\"symbol\":\"" + nativeSymbol + "\"}}";
    }

    /** The capture's half hour; one change per delta (l2updates carry no time). */
    static void kucoin(RawFrame f, MarketEvent ev, Decoded d) {
        symbolByRule(ev);
        if (ev.type != EventType.BOOK_DELTA) {
            timeWithin(ev, 1_619_378_000_000L, 1_619_379_000_000L);
        } else {
            assertEquals(ev.firstUpdateId, ev.lastUpdateId, "one change per delta");
            assertTrue(ev.bidPrices.length + ev.askPrices.length <= 1);
        }
    }

    /** The dead letter: BCHSV-USDT's REST book, which no single long mantissa scale holds. */
    static void kucoin(RawCounts raw, Decoded d) {
        for (String e : d.errors) {
            assertTrue(e.contains("no scale of a long mantissa holds every number of the frame"), e);
        }
        assertEquals(Set.of("BCHSV-USDT"), d.deadLetterKeys, "ANKR-BTC, CAPP-BTC, DAPPT-BTC (1e-10 ticks) decode");
    }
}
