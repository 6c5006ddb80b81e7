package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.capture.CryptofeedCaptureReader;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks every venue's decoder runs, one container per {@link DecoderCases} entry; the ids are
 * listed in {@code docs/testing.md} ("Venue contract"). The venue's own test keeps only the exact
 * fields of particular frames and the venue's odd cases.
 */
class VenueDecoderContractTest {

    @TestFactory
    Stream<DynamicNode> everyVenue() {
        return DecoderCases.all().stream().map(c -> dynamicContainer(c.name, checks(c)));
    }

    private static Stream<DynamicNode> checks(DecoderCase c) {
        Venue venue = Venues.forFeed(c.feed);
        Decoding decoding = new Decoding(c, venue);
        List<DynamicNode> out = new ArrayList<>();
        out.add(dynamicTest("registered", () -> registered(c, venue)));
        for (Map.Entry<String, List<DecoderCase.Reject>> e : c.rejects.entrySet()) {
            out.add(dynamicTest(e.getKey() + " = dead letter", () -> {
                for (DecoderCase.Reject r : e.getValue()) {
                    String reason = Frames.reject(venue, r.json());
                    assertTrue(reason.contains(r.reason()), "'" + reason + "' should name: " + r.reason());
                }
            }));
        }
        if (!c.captured()) {
            return documented(c, venue, out);
        }
        out.add(dynamicTest("counts from raw lines", () -> {
            assertEquals(c.counts, decoding.raw().counts(), "the raw lines' counts");
            assertEquals(c.facts, decoding.raw().facts, "the raw lines' venue facts");
        }));
        out.add(dynamicTest("events keep feed, key, receive time", () -> decoding.decoded()));
        out.add(dynamicTest("decoder counts = raw lines", () -> {
            Decoded d = decoding.decoded();
            if (c.counts.decodeErrors() == 0) {
                assertEquals(List.of(), d.errors, "dead letters");
            }
            assertEquals(decoding.raw().counts(), d.counts());
        }));
        if (c.keysFromRawLines) {
            out.add(dynamicTest("frame keys = raw lines", () -> {
                assertNotNull(decoding.raw().keys, "the oracle's keys");
                assertEquals(decoding.raw().keys, decoding.decoded().keys, "every frame's key, in order");
            }));
        }
        out.add(dynamicTest("checksum where sent", () -> {
            assertEquals(c.sendsChecksums, venue.bookSyncRules().checksum() != null,
                    "the sync rules verify a checksum where the venue sends one, and only there");
            assertTrue(c.sendsChecksums || c.counts.checksums() == 0, "checksums of a venue said to send none");
            assertEquals(c.counts.checksums(), decoding.decoded().checksums);
        }));
        if (c.decoded != null) {
            out.add(dynamicTest("venue decode checks", () -> c.decoded.check(decoding.raw(), decoding.decoded())));
        }
        if (c.catalog != null) {
            out.add(dynamicTest("catalog", () -> catalog(c, venue, decoding.decoded())));
        }
        return out.stream();
    }

    /** The checks of a case without a capture: the checksum declaration and the recorded catalog. */
    private static Stream<DynamicNode> documented(DecoderCase c, Venue venue, List<DynamicNode> out) {
        out.add(dynamicTest("dead-letter checks all named", () -> assertTrue(
                c.rejects.keySet().containsAll(List.of("bad JSON", "unknown type", "bad number")),
                "a case without a capture names frames for every dead-letter check")));
        out.add(dynamicTest("checksum where sent", () -> assertEquals(c.sendsChecksums,
                venue.bookSyncRules().checksum() != null, "the sync rules verify a checksum where the venue sends one")));
        if (c.catalog != null) {
            out.add(dynamicTest("catalog", () -> catalog(c, venue, new Decoded())));
        }
        return out.stream();
    }

    private static void registered(DecoderCase c, Venue venue) throws Exception {
        assertTrue(Venues.isSupported(c.feed));
        assertEquals(c.feed, venue.feed());
        assertNotNull(venue.decoder());
        assertNotNull(venue.bookSyncRules());
        if (c.exchange != null) {
            assertEquals(c.feed, CryptofeedCaptureReader.FEEDS.get(c.exchange));
        }
        for (Path file : c.paths()) {
            try (CaptureReader r = CaptureFiles.open(file, null)) {
                assertEquals(c.feed, r.feed(), file.toString());
            }
        }
    }

    /** The case's files through the capture readers and the decoder, once per case; every event checked. */
    private static final class Decoding {
        private final DecoderCase c;
        private final Venue venue;
        private RawCounts raw;
        private Decoded decoded;

        Decoding(DecoderCase c, Venue venue) {
            this.c = c;
            this.venue = venue;
        }

        RawCounts raw() throws Exception {
            if (raw == null) {
                raw = c.oracle.count(c.paths());
            }
            return raw;
        }

        Decoded decoded() throws Exception {
            if (decoded == null) {
                decoded = decode();
            }
            return decoded;
        }

        private Decoded decode() throws Exception {
            Decoded d = new Decoded();
            FrameDecoder decoder = venue.decoder();
            for (Path file : c.paths()) {
                try (CaptureReader r = CaptureFiles.open(file, null)) {
                    while (r.hasNext()) {
                        RawFrame f = r.next();
                        d.frames++;
                        d.keys.add(f.key);
                        List<MarketEvent> evs = new ArrayList<>();
                        try {
                            if (decoder.decode(f, evs::add) == FrameDecoder.Result.IGNORED) {
                                d.ignored++;
                                assertEquals(List.of(), evs, "an ignored frame gives no event");
                            } else {
                                assertFalse(evs.isEmpty(), "a decoded frame gives events");
                            }
                        } catch (DecodeException e) {
                            d.errors.add(e.getMessage() + " <- " + new String(f.payload, StandardCharsets.UTF_8));
                            d.deadLetterKeys.add(String.valueOf(f.key));
                            continue;
                        }
                        for (MarketEvent ev : evs) {
                            d.types.merge(ev.type, 1L, Long::sum);
                            d.symbols.put(ev.nativeSymbol, ev.symbol);
                            d.checksums += ev.checksum != MarketEvent.NO_CHECKSUM ? 1 : 0;
                            assertEquals(c.feed, ev.feed, ev.toString());
                            assertEquals(f.receiveTimeNs, ev.receiveTimeNs, "receive time kept");
                            if (c.keyIsSymbol) {
                                assertEquals(f.key, ev.nativeSymbol, "the partition key is the event's symbol");
                            }
                            if (c.event != null) {
                                c.event.check(f, ev, d);
                            }
                        }
                    }
                }
            }
            return d;
        }
    }

    private static void catalog(DecoderCase c, Venue venue, Decoded decoded) throws Exception {
        DecoderCase.Catalog spec = c.catalog;
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed(spec.file()), venue);
        assertEquals(spec.size(), catalog.size(), "instruments of " + spec.file());
        for (Instrument i : catalog.all()) {
            if (spec.fitsScale()) {
                assertTrue(i.fitsScale(), i.toString());
            }
            if (spec.frameOf() != null) {
                List<MarketEvent> evs = Frames.decode(venue, spec.frameOf().apply(i.nativeSymbol()), 1L);
                assertEquals(i.symbol(), evs.get(0).symbol, "the decoder's normalization of " + i.nativeSymbol());
            }
        }
        decoded.symbols.forEach((nativeSymbol, symbol) -> assertEquals(symbol,
                catalog.byNative(nativeSymbol).orElseThrow(() -> new AssertionError(nativeSymbol + " not in the catalog"))
                        .symbol(), nativeSymbol));
        if (spec.minValuesOnSteps() > 0) {
            assertTrue(valuesOnSteps(c, venue, catalog) > spec.minValuesOnSteps());
        }
    }

    /** Every price and size the decoder gives lies on its instrument's tick and lot; the prices checked. */
    private static int valuesOnSteps(DecoderCase c, Venue venue, InstrumentCatalog catalog) throws Exception {
        int values = 0;
        for (Path file : c.paths()) {
            try (CaptureReader r = CaptureFiles.open(file, null)) {
                while (r.hasNext()) {
                    List<MarketEvent> evs = new ArrayList<>();
                    venue.decoder().decode(r.next(), evs::add);
                    for (MarketEvent ev : evs) {
                        if (ev.type == EventType.DERIVATIVES) {
                            continue; // mark and index prices are computed by the venue, off the tick (113.381 at 0.01)
                        }
                        Instrument i = catalog.byNative(ev.nativeSymbol).orElseThrow();
                        long tick = Mantissa.m(i.tickSize());
                        long lot = Mantissa.m(i.lotSize());
                        boolean trade = ev.type == EventType.TRADE;
                        for (long p : trade ? new long[] {ev.price} : concat(ev.bidPrices, ev.askPrices)) {
                            assertEquals(0, p % tick, ev.nativeSymbol + " price " + p);
                            values++;
                        }
                        for (long s : trade ? new long[] {ev.size} : concat(ev.bidSizes, ev.askSizes)) {
                            assertEquals(0, s % lot, ev.nativeSymbol + " size " + s);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static long[] concat(long[] a, long[] b) {
        return Stream.of(a, b).flatMapToLong(Arrays::stream).toArray();
    }
}
