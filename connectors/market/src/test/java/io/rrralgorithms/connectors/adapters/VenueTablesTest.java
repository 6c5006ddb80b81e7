package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.rrralgorithms.connectors.adapters.bitmex.BitmexVenue;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every venue's frame cases ({@code venue-cases/*.cases}) and its facts that are not "frame → events",
 * each as one row of a table: symbols both ways, book sync rules, REST snapshot keys, metadata URLs
 * and the recorded instrument catalogs. Expected values are the venue's documents and listings.
 */
class VenueTablesTest {

    /** One container per cases file, on the feed's venue (BitMEX: one decoder for the whole file, "fresh" included). */
    @TestFactory
    Stream<DynamicNode> cases() {
        Venue b = BitmexVenue.VENUE;
        FrameDecoder oneBitmexStream = b.decoder();
        Venue bitmex = Venue.builder(b.feed()).decoder(feed -> oneBitmexStream).bookSyncRules(b.bookSyncRules())
                .partitionKey(b::partitionKey).symbols(b.symbols()).build();
        return Stream.of("binance-spot binance", "binance-usdm", "bitfinex", "bitget", "bitmex", "bitstamp", "bybit",
                "bybit bybit-v5", "coinbase", "deribit", "gateio", "gateio-futures", "gemini", "hitbtc", "huobi",
                "huobi-swap", "kraken", "kraken-futures krakenfutures", "kucoin", "okcoin", "okx", "phemex", "poloniex",
                "gateio-v3", "cryptocom")
                .map(s -> s.split(" ")).map(s -> {
                    String file = (s.length > 1 ? s[1] : s[0]) + ".cases";
                    Venue v = s[0].equals("bitmex") ? bitmex : Venues.forFeed(s[0]);
                    return dynamicContainer(file, VenueCases.run(v, file));
                });
    }

    /** {@code >}: native → normalized, {@code <}: normalized → native; {@code !}: refused. */
    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "bitmex|XBTUSD|>|BTC-USD-PERP", "bitmex|ETHUSD|>|ETH-USD-PERP", "bitmex|MATICUSDT|>|MATIC-USDT-PERP",
        "bitmex|XBTEUR|>|BTC-EUR-PERP", "bitmex|XBTU21|>|BTC-USD-210924", "bitmex|XBTZ21|>|BTC-USD-211231",
        "bitmex|XRPU21|>|XRP-BTC-210924", "bitmex|ETHUSDU21|>|ETH-USD-210924", "bitmex|XBTEURU21|>|BTC-EUR-210924",
        "bitmex|XBTH22|>|BTC-USD-220325", "bitmex|.BXBT|>|!", "bitmex|XBT|>|!", "bitmex|xbtusd|>|!",
        "bybit|BTCUSD|>|BTC-USD-PERP", "bybit|BTCUSDT|>|BTC-USDT-PERP", "bybit|LINKUSDT|>|LINK-USDT-PERP",
        "bybit|BTCUSDM21|>|BTC-USD-210625", "bybit|BTCUSDU21|>|BTC-USD-210924", "bybit|BTCUSDZ21|>|BTC-USD-211231",
        "bybit|USDT|>|!", "bybit|BTCEUR|>|!", "bybit|btcusd|>|!",
        "deribit|BTC-PERPETUAL|>|BTC-USD-PERP", "deribit|SOL_USDC-PERPETUAL|>|SOL-USDC-PERP",
        "deribit|BTC-24SEP21|>|BTC-USD-210924", "deribit|SOL-3JUN22|>|SOL-USD-220603",
        "deribit|BTC-24SEP21-40000-C|>|BTC-USD-210924-40000-C", "deribit|XRP_USDC-30JUN23-0d625-C|>|XRP-USDC-230630-0.625-C",
        "deribit|BTC-FS-24SEP21_PERP|>|!", "deribit|BTC_USDC|>|!", "deribit|BTC-31FEB21|>|!", "deribit|BTC-24SEP21-40000|>|!",
        "deribit|btc-perpetual|>|!",
        // HitBTC v2 USD is Tether; Bequant's US dollar is USDB; FMFW (v3) writes USDT
        "hitbtc|MTXUSD|>|MTX-USDT", "hitbtc|MTX-USDT|<|MTXUSD", "hitbtc|XRPUSDT|>|XRP-USDT", "hitbtc|xrp-usdt|<|XRPUSDT",
        "hitbtc|BATUSD|>|BAT-USDT", "hitbtc|BTCTUSD|>|BTC-TUSD", "hitbtc|USDTUSD|>|USDT-TUSD",
        "bequant|BTCUSDB|>|BTC-USD", "bequant|BTCUSD|>|BTC-USDT", "bequant|BTC-USD|<|BTCUSDB", "bequant|EURBUSD|>|EURB-USDT",
        "bequant|BTCUSDT_BQX|>|!", "fmfw|EOS-USDT|<|EOSUSDT", "fmfw|MATICUSD|>|MATIC-USDT", "fmfw|MATIC-USDT|<|MATICUSD",
        "fmfw|BTCUSDT_PERP|>|BTC-USDT-PERP", "fmfw|BTC-USDT-PERP|<|BTCUSDT_PERP", "fmfw|BTC-USDT-211231|<|!",
        "huobi|yfihusd|>|YFI-HUSD", "huobi|fil3susdt|>|FIL3S-USDT", "huobi|htusdt|>|HT-USDT", "huobi|' btc-usdt '|<|btcusdt",
        "huobi|BTC-USDT-PERP|<|!", "huobi|BTC-USDT|>|!", "huobi-swap|BTC-USD|>|BTC-USD-PERP",
        "huobi-swap|SOS-USDT|>|SOS-USDT-PERP", "huobi-swap|atom-usd-perp|<|ATOM-USD", "huobi-swap|BTC-USD|<|!",
        "huobi-swap|BTC-USD-220325|<|!",
        "kucoin|BTC-USDT|>|BTC-USDT", "kucoin|R-BTC|>|REV-BTC", "kucoin|WAX-ETH|>|WAXP-ETH", "kucoin|LOKI-USDT|>|OXEN-USDT",
        "kucoin|BTC-USDT-X|>|!", "kucoin|-USDT|>|!",
        "okx|BTC-USDT|>|BTC-USDT", "okx|BTC-USDT-SWAP|>|BTC-USDT-PERP", "okx|BTC-USD-220520|>|BTC-USD-220520",
        "okx|ETH-USD-220624-2500.5-P|>|ETH-USD-220624-2500.5-P", "okx|BTC-USD-221340|>|!", "okx|BTC|>|!",
        "okcoin|BTC-USD|>|BTC-USD", "okcoin|' usdc-usdt '|<|USDC-USDT", "okcoin|BTC-USD-SWAP|>|!", "okcoin|BTC-USD-PERP|<|!",
        "okcoin|BTC-USD-230630|<|!",
        "phemex|BTCUSD|>|BTC-USD-PERP", "phemex|XMRUSD|>|XMR-USD-PERP", "phemex|sSUSHIUSDT|>|SUSHI-USDT",
        "phemex|sushi-usdt|<|sSUSHIUSDT", "phemex|GOLD-USD-PERP|<|GOLDUSD", "phemex|SUSHIUSDT|>|!",
        "phemex|s\u0000BTCUSDT|>|!", "phemex|BTC-USD|<|!", "phemex|BTC-USDT-PERP|<|!",
        "poloniex|BTC_USDT|>|BTC-USDT", "poloniex|btc-usdt|<|BTC_USDT", "poloniex|BTCUSDT|>|!", "poloniex|BTC_USDT_PERP|>|!",
        "poloniex|B\u0000TC_USDT|>|!", "poloniex|BTC-USDT-PERP|<|!",
        "bitget|BTCUSDT_SPBL|>|BTC-USDT", "bitget|BTCUSDT_UMCBL|>|BTC-USDT-PERP", "bitget|BTCUSD_DMCBL|>|BTC-USD-PERP",
        "bitget|ETHBTC_SPBL|>|ETH-BTC", "bitget|btc-usd-perp|<|BTCUSD_DMCBL", "bitget|BTC-USDT|<|BTCUSDT_SPBL",
        "bitget|BTC-EUR|<|!", "bitget|BTC-USDT-220624|<|!", "bitget|BTCEUR_UMCBL|>|!",
        // Gate.io v3: the spot pairs of v4
        "gateio-v3|BTC_USDT|>|BTC-USDT", "gateio-v3|QTUM3S_USDT|>|QTUM3S-USDT", "gateio-v3|' eth-btc '|<|ETH_BTC",
        "gateio-v3|BTCUSDT|>|!", "gateio-v3|BTC_USDT_X|>|!", "gateio-v3|BTC-USDT-PERP|<|!",
        "cryptocom|BTC_USDT|>|BTC-USDT", "cryptocom|1INCH_USDT|>|1INCH-USDT", "cryptocom|' cro-usdc '|<|CRO_USDC",
        "cryptocom|BTCUSD-PERP|>|!", "cryptocom|BTC_USDT_PERP|>|!", "cryptocom|btc_usdt|>|!", "cryptocom|_USDT|>|!",
        "cryptocom|BTC-USDT-PERP|<|!", "cryptocom|BTC-USD-211231|<|!",
    })
    void symbols(String feed, String from, String direction, String to) {
        VenueSymbols s = Venues.forFeed(feed).symbols();
        Function<String, String> f = direction.equals(">") ? s::normalize : s::toNative;
        if (to.equals("!")) {
            assertThrows(IllegalArgumentException.class, () -> f.apply(from));
        } else {
            assertEquals(to, f.apply(from));
        }
    }

    /**
     * A book event ({@code D} delta, {@code d} delta of a last id only, {@code S} snapshot, {@code E} bare event;
     * {@code f l p r depth}: first, last and previous update id, receive ns, depth; a {@code D}'s first id is its
     * last unless given, the others' none) and what the feed's sync rules say
     * of it: {@code stale@S bridges@S continues@L dup@L older@L maxdepth=N}, {@code !} negates; a row of event
     * {@code -}: the rules themselves ({@code nochecksum checksumdepth=N updates expect@L=TEXT}).
     */
    @ParameterizedTest(name = "{0}: {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // BitMEX: the decoder stamps the partial's session (20) on later deltas, -1 on unresolved ones
        "bitmex|d r=30 l=20|bridges@20 continues@20 !dup@20", "bitmex|d r=60 l=-1|!continues@20 !stale@20 !bridges@20",
        "bitmex|d r=10 l=-1|stale@20", "bitmex|d r=30 l=19|stale@20", "bitmex|S r=20|!older@21", "bitmex|-|nochecksum",
        // Bybit v2: cross_seq, not contiguous per symbol
        "bybit|E l=100|stale@100 !stale@99 bridges@50 !bridges@100 continues@99 continues@7 !continues@100 dup@100",
        "bybit|E l=100 depth=25|maxdepth=25", "bybit|-|nochecksum",
        "deribit|E p=100 f=105 l=105|bridges@100 !bridges@101 continues@100 !continues@99 stale@105 !stale@104 dup@105",
        "deribit|E p=33195894164 f=33195894355 l=33195894355|bridges@33195894164", "deribit|-|nochecksum",
        "deribit|E p=33195894355 f=33195894358 l=33195894358|continues@33195894355",
        "hitbtc|D l=100|stale@100", "hitbtc|D l=101|bridges@100 dup@101", "hitbtc|D l=102|!bridges@100 continues@101",
        "hitbtc|D l=103|!continues@101", "hitbtc|S l=101|older@101", "hitbtc|-|nochecksum",
        // KuCoin: changes 101..103 of one frame, a snapshot at 102 keeps exactly 103
        "kucoin|D l=101|stale@102", "kucoin|D l=102|stale@102", "kucoin|D l=103|!stale@102 bridges@102 continues@102 !continues@101",
        "kucoin|-|expect@102=sequence 103",
        "okx|D l=123456789020 p=123456789012|bridges@123456789012 !stale@123456789012 stale@123456789013 !continues@123456789011 dup@123456789020",
        "okx|d l=1652459226163842200|continues@123 bridges@123 !dup@9223372036854775807",
        // Phemex: sequences skip and never go back
        "phemex|D l=100|stale@100 continues@100 !dup@100", "phemex|D l=170|bridges@100", "phemex|D l=106|continues@100",
        "phemex|D l=99|!continues@100", "phemex|S l=146075021|older@146075021 maxdepth=0",
        "phemex|-|nochecksum expect@100=sequence >= 100",
        "poloniex|D p=90 l=100|stale@100", "poloniex|D p=100 l=101|bridges@100 dup@101", "poloniex|D p=101 l=102|!bridges@100",
        "poloniex|D p=4485703 l=4485710|continues@4485703", "poloniex|D p=4485705 l=4485710|!continues@4485703",
        "poloniex|-|nochecksum expect@101=lastId == 101",
        // Huobi: every book whole; the swaps repeat an unchanged book at its mrid
        "huobi-swap|S l=64363314349|older@64363314349 older@64363314350 !older@64363314348 maxdepth=0",
        "huobi-swap|-|updates nochecksum",
        "bitget|d r=100 l=100|stale@101 bridges@99 continues@99", "bitget|S r=100|maxdepth=0", "bitget|-|checksumdepth=25",
        // Gate.io v3: receive-time ids, no sequence; every clean book authoritative, no window
        "gateio-v3|d r=100 l=100|stale@101 !stale@100 bridges@99 bridges@101 continues@99 continues@101 !dup@100",
        "gateio-v3|S r=100 l=100|!older@200 maxdepth=0", "gateio-v3|-|nochecksum !updates",
        // Crypto.com: whole books are updates; deltas chain by pu; the book kept to the subscribed depth
        "cryptocom|D p=100 l=105|bridges@100 !bridges@101 continues@100 !continues@99 stale@105 !stale@104 dup@105 !dup@104",
        "cryptocom|S l=100 depth=50|older@100 older@101 !older@99 maxdepth=50", "cryptocom|S l=100|maxdepth=0",
        "cryptocom|-|updates nochecksum",
    })
    void syncRules(String feed, String event, String checks) {
        BookSyncRules rules = Venues.forFeed(feed).bookSyncRules();
        MarketEvent ev = event.equals("-") ? null : event(feed, event);
        for (String c : checks.split(" (?=[!a-z])")) {
            boolean want = !c.startsWith("!");
            String[] op = c.substring(want ? 0 : 1).split("[@=]", 2);
            long n = op.length > 1 && op[1].matches("-?[0-9]+") ? Long.parseLong(op[1]) : 0;
            Object got = switch (op[0]) {
                case "stale" -> rules.isStale(ev, n);
                case "bridges" -> rules.bridgesSnapshot(ev, n);
                case "continues" -> rules.continues(ev, n);
                case "dup" -> rules.isDuplicate(ev, n);
                case "older" -> rules.isOlderSnapshot(ev, n);
                case "maxdepth" -> rules.maxDepth(ev) == n;
                case "nochecksum" -> rules.checksum() == null;
                case "checksumdepth" -> rules.checksum().depth() == n;
                case "updates" -> rules.snapshotsAreUpdates();
                case "expect" -> rules.describeExpectation(Long.parseLong(op[1].substring(0, op[1].indexOf('='))))
                        .equals(op[1].substring(op[1].indexOf('=') + 1));
                default -> throw new IllegalArgumentException(c);
            };
            assertEquals(want, got, c);
        }
    }

    private static MarketEvent event(String feed, String spec) {
        String[] t = spec.split(" ");
        Map<String, Long> v = new HashMap<>();
        Arrays.stream(t).skip(1).map(kv -> kv.split("=")).forEach(kv -> v.put(kv[0], Long.parseLong(kv[1])));
        long r = v.getOrDefault("r", 1L);
        MarketEvent e = switch (t[0]) {
            case "D", "d" -> MarketEvent.delta(feed, "X", "X", r);
            case "S" -> MarketEvent.snapshot(feed, "X", "X", r);
            default -> new MarketEvent();
        };
        e.lastUpdateId = v.getOrDefault("l", MarketEvent.NONE);
        e.firstUpdateId = v.getOrDefault("f", t[0].equals("D") ? e.lastUpdateId : MarketEvent.NONE);
        e.prevUpdateId = v.getOrDefault("p", MarketEvent.NONE);
        if (v.containsKey("depth")) {
            e.bookDepth = v.get("depth").intValue();
        }
        return e;
    }

    /**
     * A recorded URL: a REST book snapshot of the key ({@code -}: not one), the instrument list
     * ({@code meta}) or not ({@code !meta}), or the one URL the feed's instrument reader fetches ({@code urls}).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "bitstamp|https://www.bitstamp.net/api/v2/order_book/ethusd|ethusd",
        "bitstamp|https://www.bitstamp.net/api/v2/order_book/ethusd/?group=1|ethusd",
        "bitstamp|https://www.bitstamp.net/api/v2/trading-pairs-info/|-",
        "gateio|https://api.gateio.ws/api/v4/spot/order_book?currency_pair=HAI_ETH&limit=100&with_id=true|HAI_ETH",
        "gateio|https://api.gateio.ws/api/v4/spot/currency_pairs|-",
        "gateio|https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=X_Y&with_id=true|-",
        "gateio-futures|https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=RDNT_USDT&limit=100&with_id=true|RDNT_USDT",
        "gateio-futures|https://api.gateio.ws/api/v4/futures/usdt/contracts|-",
        "gateio-futures|https://api.gateio.ws/api/v4/spot/order_book?currency_pair=X_Y&with_id=true|-",
        "kucoin|https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BCHSV-USDT|BCHSV-USDT",
        "kucoin|https://api.kucoin.com/api/v2/market/orderbook/level2_100?symbol=SNX-BTC|SNX-BTC",
        "kucoin|https://api.kucoin.com/api/v1/symbols|-", "okx|https://www.okx.com/api/v5/public/instruments?instType=SPOT|-",
        "kucoin|https://api.kucoin.com/api/v1/symbols|meta",
        "binance-spot|https://api.binance.com/api/v3/exchangeInfo|meta",
        "binance-spot|https://api1.binance.com/api/v3/exchangeInfo?symbol=BTCUSDT|meta",
        "binance-spot|https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000|!meta",
        "binance-spot|https://fapi.binance.com/fapi/v1/exchangeInfo|!meta",
        "binance-usdm|https://fapi.binance.com/fapi/v1/exchangeInfo|meta",
        "binance-usdm|https://dapi.binance.com/dapi/v1/exchangeInfo|!meta",
        "binance-coinm|https://dapi.binance.com/dapi/v1/exchangeInfo|meta", "binance-coinm|not a url at all {}|!meta",
        "coinbase|https://api.pro.coinbase.com/products|meta", "coinbase|https://api.exchange.coinbase.com/products|meta",
        "coinbase|https://api.exchange.coinbase.com/products/BTC-USD/book?level=2|!meta",
        "coinbase|https://example.com/products|!meta", "coinbase|::|!meta",
        // the one URL each reader fetches
        "binance-spot|https://api.binance.com/api/v3/exchangeInfo|urls", "binance-us|https://api.binance.us/api/v3/exchangeInfo|urls",
        "binance-usdm|https://fapi.binance.com/fapi/v1/exchangeInfo|urls",
        "binance-coinm|https://dapi.binance.com/dapi/v1/exchangeInfo|urls", "coinbase|https://api.exchange.coinbase.com/products|urls",
        "okcoin|https://www.okcoin.com/api/v5/public/instruments?instType=SPOT|urls",
        "cryptocom|https://api.crypto.com/v2/public/get-instruments|urls", "cryptocom|https://api.crypto.com/v2/public/get-instruments|meta",
        "cryptocom|https://api.crypto.com/v2/public/get-book?instrument_name=BTC_USDT&depth=150|!meta",
        "cryptocom|https://api.crypto.com/v2/public/get-book?instrument_name=BTC_USDT&depth=150|-", // books come on the socket
        "gateio-v3|https://api.gateio.ws/api/v4/spot/currency_pairs|urls",
        "gateio-v3|https://api.gateio.ws/api/v4/spot/order_book?currency_pair=HAI_ETH&limit=100&with_id=true|-", // clean books
    })
    void urls(String feed, String url, String key) {
        Venue v = Venues.forFeed(feed);
        if (key.equals("urls")) {
            assertEquals(List.of(url), v.instrumentMetadata().urls());
        } else if (key.endsWith("meta")) {
            assertEquals(!key.startsWith("!"), v.instrumentMetadata().isMetadataUrl(url));
        } else {
            assertEquals(key.equals("-") ? null : key, v.snapshotKey(url));
        }
    }

    /** The recorded catalogs ({@code <EXCHANGE>.0}), per instrument, read once per feed. */
    private static final Map<String, InstrumentCatalog> CATALOGS = new HashMap<>();

    private static InstrumentCatalog catalog(String feed) {
        return CATALOGS.computeIfAbsent(feed, f -> {
            Venue v = Venues.forFeed(f);
            try {
                return InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed(v.cryptofeedExchange() + ".0"), v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Facts of the recorded catalog: of instruments (native symbols, comma-separated) {@code symbol kind base quote
     * feed expiry pdec sdec fits tick lot} ({@code tick=0.01} equal with its scale, {@code tick~0.5} the same number,
     * {@code -} none, {@code *} some; {@code absent}: not listed); of the whole ({@code *}): {@code size}, per kind
     * ({@code FUTURE=11}, {@code SPOT>250}), {@code kinds} (the set), {@code unfit} (those finer than the scale,
     * sorted, with their tick in brackets where written), {@code unfit#}, {@code renamed} (symbol not the native one),
     * {@code unique} (one per symbol), {@code all.F} (every instrument's F; {@code all.symbol=/REGEX/}),
     * {@code captured...} (the same over the partition keys of the {@code <EXCHANGE>.ws.1.0} capture).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "bitfinex|*|kinds=SPOT,PERPETUAL SPOT>250 PERPETUAL>30 all.fits=true all.sdec=8 all.tick=-",
        "bitfinex|tBTCF0:USTF0|symbol=BTC-USDT-PERP", "bitfinex|tTESTBTCF0:TESTUSDTF0|symbol=TESTBTC-TESTUSDT-PERP",
        "bitfinex|tBTCUST|symbol=BTC-USDT", "bitfinex|tDOGUSD|symbol=DOG-USD",
        "bitmex|*|all.tick=* all.lot=* FUTURE=11 unfit=TRXU21", "bitmex|XBTUSD|symbol=BTC-USD-PERP tick~0.5 lot~100",
        "bitmex|XRPU21|symbol=XRP-BTC-210924 expiry=2021-09-24 pdec=8", "bitmex|ALTMEXUSD|symbol=ALTMEX-USD-PERP",
        "bybit|*|all.tick=* all.lot=* all.fits=true FUTURE=2", "bybit|BTCUSDM21|symbol=BTC-USD-210625 expiry=2021-06-25",
        "bybit|BTCUSDT|symbol=BTC-USDT-PERP tick~0.5 lot~0.001", "bybit|BTCUSD|lot~1",
        "deribit|*|unique kinds=PERPETUAL,FUTURE,OPTION PERPETUAL=19 FUTURE=18 OPTION=980 captured#=10 captured.kind=OPTION",
        "deribit|BTC-24SEP21-8000-P|symbol=BTC-USD-210924-8000-P expiry=2021-09-24 tick~0.0005 lot~0.1 pdec=4",
        "deribit|BTC-PERPETUAL|symbol=BTC-USD-PERP tick~0.5 lot~10", "deribit|BTC_USDC-PERPETUAL|symbol=BTC-USDC-PERP",
        "deribit|BTC-31DEC21|symbol=BTC-USD-211231",
        "gateio|*|captured=BTC_USDC,DIS_USDT,FAST_USDT,HAI_ETH,INK_USDT,NANO_USDT,NEO_BTC,OMG_USDT,QTUM3S_USDT,ZKS_ETH "
            + "captured.fits=true unfit#=129",
        "gateio|OMG_USDT|tick=0.001 lot=0.001",
        "gateio-futures|*|all.kind=PERPETUAL all.lot=1 captured=DIA_USDT,FRONT_USDT,LIT_USDT,OMG_USDT,PHB_USDT,QUICK_USDT,"
            + "RDNT_USDT,SFP_USDT,WOO_USDT,ZRX_USDT captured.fits=true unfit#=10",
        "gateio-futures|RDNT_USDT|tick=0.0001",
        "gemini|BTCUSD|symbol=BTC-USD tick~0.01 lot~1E-8", "gemini|BTCGUSD|symbol=BTC-GUSD",
        "gemini|GUSDUSD|symbol=GUSD-USD", "gemini|1INCHUSD|symbol=1INCH-USD", "gemini|PAXGUSD|symbol=PAXG-USD",
        "bitstamp|ethusd|symbol=ETH-USD tick=0.01 lot=1E-8", "bitstamp|usdtusd|sdec=5",
        "kraken|WAVES/EUR,XMR/USD,KSM/XBT,GRT/ETH,SC/EUR,ETH/CHF,OCEAN/XBT,OMG/USD,XBT/CHF,ADA/XBT|kind=SPOT fits=true",
        "kraken|XBT/CHF|symbol=BTC-CHF base=BTC quote=CHF tick=0.1 lot=1E-8", "kraken|XMR/USD|symbol=XMR-USD",
        "kraken|XDG/USD|symbol=DOGE-USD",
        // ticks of 1e-9 / 1e-10: a frame using the extra digits decodes at its own scale; none is in the capture
        "kraken|*|all.symbol=/[A-Z0-9.]+-[A-Z0-9]+/ unfit=LSK/XBT(0.000000001),NANO/XBT(0.000000001),OMG/XBT(0.000000001),"
            + "SC/XBT(0.0000000001),STORJ/XBT(0.000000001),TRX/XBT(0.0000000001)",
        "kraken-futures|FI_ETHUSD_211231,PI_XRPUSD,PI_LTCUSD,FI_BCHUSD_210730,PI_ETHUSD,FI_XBTUSD_210924,FI_ETHUSD_210730,"
            + "FI_BCHUSD_210924,FI_XRPUSD_210924,FI_XBTUSD_210730|fits=true",
        "kraken-futures|*|all.lot=1", "kraken-futures|PI_XBTUSD|kind=PERPETUAL symbol=BTC-USD-PERP tick=0.5",
        "kraken-futures|FI_XBTUSD_210924|kind=FUTURE symbol=BTC-USD-210924 expiry=2021-09-24 base=BTC quote=USD",
        "kraken-futures|PI_XRPUSD|tick=0.0001",
        // 5 BCHSV, 2 R, 3 WAX, 3 LOKI pairs renamed (LYXE/LYXe only differs in case); LTX-USDT subscribed, sent nothing
        "kucoin|*|size=634 all.kind=SPOT renamed=13 captured=ANKR-BTC,BCHSV-USDT,CAPP-BTC,COV-BTC,DAPPT-BTC,EQZ-BTC,"
            + "FET-BTC,NRG-BTC,SNX-BTC captured.unfit=ANKR-BTC,CAPP-BTC,DAPPT-BTC unfit#=64",
        "kucoin|BCHSV-USDT|symbol=BSV-USDT tick=0.001 lot=0.00000001 pdec=3 sdec=8",
        "okx|BTC-USDT|kind=SPOT tick=0.1 lot=0.00000001", "okx|UNI-USD-SWAP|kind=PERPETUAL tick=0.001 lot=1",
        "okx|BTC-USD-220527|kind=FUTURE expiry=2022-05-27", "okx|BTC-USD-220514-22000-C|kind=OPTION symbol=BTC-USD-220514-22000-C",
        "okx|*|unfit#=39", "okx|BABYDOGE-USDT,TRX-BTC|fits=false", "okx|BTC-USDT,UNI-USD-SWAP,BTC-USD-220527|fits=true",
        "okcoin|USDC-USDT|feed=okcoin kind=SPOT symbol=USDC-USDT tick=0.0001 lot=0.000001",
        "bitget|EOSUSDT_SPBL|kind=SPOT symbol=EOS-USDT tick=0.0001 lot=0.0001",
        "bitget|DASHUSDT_UMCBL|kind=PERPETUAL symbol=DASH-USDT-PERP tick=0.01 lot=0.01",
        "bitget|BTCUSD_DMCBL|symbol=BTC-USD-PERP tick=0.5 lot=0.001", // priceEndStep 5 at pricePlace 1
        "bitget|*|unfit=BABYDOGEUSDT_SPBL,FLOKIUSDT_SPBL,FREEUSDT_SPBL,JASMYETH_SPBL,KINUSDT_SPBL,LINABTC_SPBL,PITUSDT_SPBL,"
            + "SOSUSDT_SPBL,TRXBTC_SPBL,UFOUSDT_SPBL,WKDUSDT_SPBL",
        "binance-spot|NKNUSDT|feed=binance-spot symbol=NKN-USDT kind=SPOT base=NKN quote=USDT expiry=- tick=0.00010000 "
            + "lot=1.00000000 pdec=4 sdec=0",
        "binance-spot|BLZETH|symbol=BLZ-ETH tick~0.00000001 pdec=8", "binance-spot|RUNEEUR|symbol=RUNE-EUR tick~0.001 lot~0.1",
        "binance-spot|BTCBKRW|symbol=BTC-BKRW", // in BREAK, still listed
        "binance-us|COMPUSDT|symbol=COMP-USDT tick~0.01 lot~0.00001", "binance-us|OMGBUSD|symbol=OMG-BUSD",
        "binance-us|BATUSD|symbol=BAT-USD tick~0.0001", "binance-us|BNBUSD|symbol=BNB-USD", "binance-us|BNBBUSD|symbol=BNB-BUSD",
        "binance-usdm|SUSHIUSDT|feed=binance-usdm symbol=SUSHI-USDT-PERP kind=PERPETUAL base=SUSHI quote=USDT expiry=- "
            + "tick=0.0010 lot=1",
        "binance-usdm|BTCUSDT_210924|feed=binance-usdm symbol=BTC-USDT-210924 kind=FUTURE base=BTC quote=USDT "
            + "expiry=2021-09-24 tick=0.1 lot=0.001",
        "binance-usdm|BTCSTUSDT|absent", // contractType ""
        "binance-coinm|BTCUSD_211231|feed=binance-coinm symbol=BTC-USD-211231 kind=FUTURE base=BTC quote=USD "
            + "expiry=2021-12-31 tick=0.1 lot=1",
        "binance-coinm|ETHUSD_210924|feed=binance-coinm symbol=ETH-USD-210924 kind=FUTURE base=ETH quote=USD "
            + "expiry=2021-09-24 tick=0.01 lot=1",
        "binance-coinm|TRXUSD_PERP|feed=binance-coinm symbol=TRX-USD-PERP kind=PERPETUAL base=TRX quote=USD expiry=- "
            + "tick=0.00001 lot=1",
        // the suffix rule split these BN-BUSD and DO-TUSD before COIN-M pairs were read as <base>USD
        "binance-coinm|BNBUSD_PERP|symbol=BNB-USD-PERP", "binance-coinm|DOTUSD_211231|symbol=DOT-USD-211231",
        "coinbase|BAND-BTC|feed=coinbase symbol=BAND-BTC kind=SPOT base=BAND quote=BTC expiry=- tick=0.00000001 lot=0.01",
        "coinbase|YFI-BTC|pdec=5 sdec=6", "coinbase|SKL-EUR|pdec=4 sdec=1",
        // Crypto.com's get-instruments (November 2021): spot pairs only, tick and lot from their decimals
        "cryptocom|*|size=250 all.kind=SPOT unique renamed=250 kinds=SPOT unfit#=16 all.symbol=/[A-Z0-9]+-[A-Z]{3,4}/",
        "cryptocom|RSR_USDT|feed=cryptocom symbol=RSR-USDT base=RSR quote=USDT expiry=- tick=0.00001 lot=0.1 pdec=5 sdec=1",
        "cryptocom|MATIC_BTC|symbol=MATIC-BTC tick=0.000000001 lot=1 fits=false",
        "cryptocom|MATIC_USDT,HNT_USDT,LPT_USDC,GRT_CRO,HOT_USDT,BAND_USDT,SUSHI_USDT,RGT_USDC,FLOW_CRO,ONE_USDT|kind=SPOT",
    })
    void catalogs(String feed, String natives, String checks) {
        InstrumentCatalog c = catalog(feed);
        for (String check : checks.split(" ")) {
            if (natives.equals("*")) {
                catalogFact(feed, c, check);
            } else {
                for (String n : natives.split(",")) {
                    if (check.equals("absent")) {
                        assertTrue(c.byNative(n).isEmpty(), n);
                    } else {
                        instrumentFact(c.byNative(n).orElseThrow(() -> new AssertionError(n + " not listed")), check);
                    }
                }
            }
        }
    }

    private static final Set<String> FIELDS = Set.of("symbol", "kind", "base", "quote", "feed", "expiry", "pdec", "sdec",
            "fits", "tick", "lot");

    private static void catalogFact(String feed, InstrumentCatalog c, String check) {
        Collection<Instrument> is = c.all();
        String fact = check.replaceFirst("^all\\.", "");
        if (fact.startsWith("captured")) {
            Venue v = Venues.forFeed(feed);
            is = CaptureLines.payloads(SharedData.cryptofeed(v.cryptofeedExchange() + ".ws.1.0")).stream()
                    .map(p -> v.partitionKey(Frames.utf8(p))).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new))
                    .stream().map(k -> c.byNative(k).orElseThrow(() -> new AssertionError(k + " not listed"))).toList();
            fact = fact.substring("captured".length()).replaceFirst("^\\.", "").replaceFirst("^=", "names=")
                    .replaceFirst("^#", "size");
        }
        String[] kv = fact.split("(?=[=>~])", 2);
        if (FIELDS.contains(kv[0])) {
            String each = fact;
            is.forEach(i -> instrumentFact(i, each));
            return;
        }
        String value = kv.length > 1 ? kv[1].substring(1) : "true";
        String name = kv[0];
        Collection<Instrument> all = is;
        Object got = switch (name) {
            case "size" -> String.valueOf(all.size());
            case "names" -> all.stream().map(Instrument::nativeSymbol).collect(Collectors.joining(","));
            case "kinds" -> all.stream().map(i -> i.kind().name()).collect(Collectors.toSet());
            case "unfit" -> all.stream().filter(i -> !i.fitsScale()).map(i -> i.nativeSymbol()
                    + (value.contains("(") ? "(" + i.tickSize().toPlainString() + ")" : "")).sorted()
                    .collect(Collectors.joining(","));
            case "unfit#" -> String.valueOf(all.stream().filter(i -> !i.fitsScale()).count());
            case "renamed" -> String.valueOf(all.stream().filter(i -> !i.symbol().equals(i.nativeSymbol())).count());
            case "unique" -> String.valueOf(all.stream().map(Instrument::symbol).distinct().count() == all.size());
            default -> String.valueOf(all.stream().filter(i -> i.kind() == Instrument.Kind.valueOf(name)).count());
        };
        if (kv.length > 1 && kv[1].startsWith(">")) {
            assertTrue(Long.parseLong((String) got) > Long.parseLong(value), check + ": " + got);
        } else {
            assertEquals(name.equals("kinds") ? Set.of(value.split(",")) : value, got, check);
        }
    }

    private static void instrumentFact(Instrument i, String check) {
        int op = check.indexOf('=') > 0 ? check.indexOf('=') : check.indexOf('~');
        String field = check.substring(0, op);
        String want = check.substring(op + 1);
        Object got = switch (field) {
            case "symbol" -> i.symbol();
            case "kind" -> i.kind().name();
            case "base" -> i.base();
            case "quote" -> i.quote();
            case "feed" -> i.feed();
            case "expiry" -> i.expiry();
            case "pdec" -> i.priceDecimals();
            case "sdec" -> i.sizeDecimals();
            case "fits" -> i.fitsScale();
            case "tick" -> i.tickSize();
            case "lot" -> i.lotSize();
            default -> throw new IllegalArgumentException("unknown instrument field " + check);
        };
        String where = i + ": " + check;
        if (want.equals("-") || want.equals("*")) {
            assertEquals(want.equals("-"), got == null, where);
        } else if (want.startsWith("/")) {
            assertTrue(((String) got).matches(want.substring(1, want.length() - 1)), where);
        } else if (got instanceof BigDecimal d) {
            BigDecimal w = new BigDecimal(want);
            assertTrue(check.charAt(op) == '=' ? w.equals(d) : w.compareTo(d) == 0, where);
        } else {
            Object w = got instanceof LocalDate ? LocalDate.parse(want) : got instanceof Integer ? Integer.valueOf(want)
                    : got instanceof Boolean ? Boolean.valueOf(want) : want;
            assertEquals(w, got, where);
        }
    }
}
