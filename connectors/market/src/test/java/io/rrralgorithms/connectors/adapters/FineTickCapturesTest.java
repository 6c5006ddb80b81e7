package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The instruments of the shared captures whose numbers are finer than 1e-8 (or too large for 8
 * decimals in a long) decode at their own scales, exactly: every price and size of an event at a
 * scale other than 8 is, as a {@link BigDecimal}, one of the numbers the venue wrote in that frame
 * or an earlier one of the capture (a BitMEX update names its level by id, the price is the
 * insert's), and the only dead letters for digits are the frames no single long scale holds.
 */
class FineTickCapturesTest {
    /** A number as written in JSON: quoted or not, plain or with an exponent (Huobi's 9.121E-7). */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

    /**
     * @param digitDeadLetters frames that must stay dead letters for their digits (none fits one long scale)
     * @param fineSymbols instruments that must reach the events at their own scales
     */
    record Capture(String feed, List<String> files, int digitDeadLetters, Set<String> fineSymbols) {
        @Override
        public String toString() {
            return feed;
        }
    }

    static Stream<Capture> captures() {
        return Stream.of(
                // BCHSV-USDT's REST book: an ask at 100000000 and a size of 0.00019434546 need 20 digits at one scale
                new Capture("kucoin", List.of("KUCOIN.ws.1.0"), 1,
                        Set.of("CAPP-BTC", "ANKR-BTC", "DAPPT-BTC")),
                new Capture("gateio", List.of("GATEIO.ws.1.0"), 0,
                        Set.of("OMG_USDT", "INK_USDT", "DIS_USDT", "BTC_USDC")),
                new Capture("bitmex", List.of("BITMEX.ws.1.0"), 0, Set.of("TRXU21")),
                new Capture("hitbtc", List.of("HITBTC.ws.1.0"), 0, Set.of("DNTBTC", "VETBTC")),
                new Capture("fmfw", List.of("FMFW.ws.1.0"), 0, Set.of("TRVBCH", "BORUSDT")),
                new Capture("poloniex", List.of("POLONIEX.ws.1.0"), 0, Set.of("MDT_BTC")),
                // 45 xvgeth and fil3susdt books hold sizes of 7 integer and 13 decimal digits side by side
                new Capture("huobi", List.of("HUOBI.ws.44.0"), 45, Set.of("trioeth", "borusdt", "omgbtc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFineTickFrameDecodesExactly(Capture c) throws Exception {
        Venue venue = Venues.forFeed(c.feed);
        FrameDecoder decoder = venue.decoder();
        Set<BigDecimal> written = new HashSet<>();
        Set<String> scaledSymbols = new TreeSet<>();
        TreeMap<String, Integer> scales = new TreeMap<>();
        List<String> digitDeadLetters = new ArrayList<>();
        long scaledEvents = 0;
        for (String file : c.files) {
            try (CaptureReader r = CaptureFiles.open(SharedData.cryptofeed(file), null)) {
                while (r.hasNext()) {
                    RawFrame f = r.next();
                    String text = CaptureLines.text(new String(f.payload, StandardCharsets.UTF_8));
                    Matcher m = NUMBER.matcher(text);
                    while (m.find()) {
                        written.add(normalized(new BigDecimal(m.group())));
                    }
                    List<MarketEvent> events = new ArrayList<>();
                    try {
                        decoder.decode(f, events::add);
                    } catch (DecodeException e) {
                        if (e.getMessage().contains("not an exact decimal")) {
                            assertTrue(e.getMessage().contains("no scale of a long mantissa holds every number"),
                                    e.getMessage());
                            digitDeadLetters.add(f.key);
                        }
                        continue;
                    }
                    for (MarketEvent ev : events) {
                        if (ev.priceScale == Decimals.SCALE && ev.sizeScale == Decimals.SCALE) {
                            continue;
                        }
                        scaledEvents++;
                        scaledSymbols.add(ev.nativeSymbol);
                        scales.merge(ev.nativeSymbol + " price", ev.priceScale, Math::max);
                        scales.merge(ev.nativeSymbol + " size", ev.sizeScale, Math::max);
                        List<BigDecimal> values = new ArrayList<>();
                        addAll(values, ev.bidPrices, ev.priceScale);
                        addAll(values, ev.askPrices, ev.priceScale);
                        addAll(values, ev.bidSizes, ev.sizeScale);
                        addAll(values, ev.askSizes, ev.sizeScale);
                        values.add(Decimals.toBigDecimal(ev.price, ev.priceScale));
                        values.add(Decimals.toBigDecimal(ev.size, ev.sizeScale));
                        for (BigDecimal v : values) {
                            BigDecimal n = normalized(v);
                            assertTrue(n.signum() == 0 || written.contains(n),
                                    () -> v.toPlainString() + " of " + ev + " is not a number the venue wrote");
                        }
                    }
                }
            }
        }
        assertEquals(c.digitDeadLetters, digitDeadLetters.size(), "dead letters for digits: " + digitDeadLetters);
        assertTrue(scaledEvents > 0, "events at their own scales");
        assertTrue(scaledSymbols.containsAll(c.fineSymbols), "fine-tick instruments decoded: " + scaledSymbols
                + " (scales " + scales + ")");
    }

    private static void addAll(List<BigDecimal> out, long[] mantissas, int scale) {
        if (mantissas != null) {
            for (long m : mantissas) {
                out.add(Decimals.toBigDecimal(m, scale));
            }
        }
    }

    private static BigDecimal normalized(BigDecimal d) {
        BigDecimal s = d.abs().stripTrailingZeros();
        return s.signum() == 0 ? BigDecimal.ZERO : s;
    }
}
