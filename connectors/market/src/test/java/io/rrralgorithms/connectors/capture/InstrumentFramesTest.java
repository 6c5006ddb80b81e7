package io.rrralgorithms.connectors.capture;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentFrames;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instrument frame: what the replay publishes ahead of an instrument's frames, and how every decoder reads it. */
class InstrumentFramesTest {

    @Test
    void decodedByEveryVenuesDecoderIntoTheTerms() throws Exception {
        Instrument xbtusd = new Instrument("bitmex", "XBTUSD", "BTC-USD-PERP", Instrument.Kind.PERPETUAL, "BTC", "USD", null,
                new BigDecimal("0.5"), new BigDecimal("100"), ContractTerms.inverse(BigDecimal.ONE, "USD"));
        RawFrame f = InstrumentFrames.frame(xbtusd, 42L);
        assertEquals(FrameKind.INSTRUMENT, f.kind);
        assertEquals("XBTUSD", f.key);
        List<MarketEvent> out = new ArrayList<>();
        Venues.forFeed("bitmex").decoder().decode(f, out::add);
        assertEquals(1, out.size());
        MarketEvent e = out.get(0);
        assertEquals(EventType.INSTRUMENT, e.type);
        assertEquals("BTC-USD-PERP", e.symbol);
        assertEquals(42L, e.receiveTimeNs);
        assertEquals(xbtusd.terms(), e.contractTerms());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"instrument\":|instrument frame is not JSON",
        "{\"instrument\":{\"feed\":\"deribit\",\"nativeSymbol\":\"X\",\"symbol\":\"X-Y\"}}|instrument frame of feed 'deribit' in feed bitmex",
        "{\"instrument\":{\"feed\":\"bitmex\",\"nativeSymbol\":\"X\",\"symbol\":\"X-Y\",\"terms\":{\"kind\":\"SIDEWAYS\",\"multiplier\":\"1\",\"currency\":\"USD\"}}}|instrument frame with bad terms",
        "{\"instrument\":{\"feed\":\"bitmex\",\"nativeSymbol\":\"X\",\"symbol\":\"X-Y\",\"terms\":{\"kind\":\"LINEAR\",\"multiplier\":\"0\",\"currency\":\"USD\"}}}|instrument frame with bad terms",
        "{\"instrument\":{\"feed\":\"bitmex\",\"symbol\":\"X-Y\"}}|instrument frame without 'nativeSymbol'",
    })
    void aBadOneIsADeadLetterWithItsReason(String payload, String reason) {
        RawFrame f = new RawFrame("bitmex", "X", FrameKind.INSTRUMENT, 1L, payload.getBytes(StandardCharsets.UTF_8));
        DecodeException e = assertThrows(DecodeException.class,
                () -> Venues.forFeed("bitmex").decoder().decode(f, ev -> { }));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    /** Published: each listed instrument's frame just before its first frame, at its time and key; the frames otherwise as read. */
    @Test
    void thePublishedCaptureAnnouncesEachInstrumentOnceAheadOfItsFrames() throws Exception {
        Path ws = SharedData.cryptofeed("BITMEX.ws.1.0");
        List<RawFrame> plain = CaptureReaderTest.readAll(CaptureFiles.open(ws, null));
        List<RawFrame> published = CaptureReaderTest.readAll(CaptureFeeds.INFERRED.open(ws));
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("BITMEX.0"), Venues.forFeed("bitmex"));
        List<RawFrame> withoutInstruments = published.stream().filter(f -> f.kind != FrameKind.INSTRUMENT).toList();
        assertEquals(plain.size(), withoutInstruments.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i).payload, withoutInstruments.get(i).payload);
        }
        Set<String> seen = new HashSet<>();
        int announced = 0;
        for (int i = 0; i < published.size(); i++) {
            RawFrame f = published.get(i);
            if (f.kind == FrameKind.INSTRUMENT) {
                RawFrame next = published.get(i + 1);
                assertEquals(next.key, f.key);
                assertEquals(next.receiveTimeNs, f.receiveTimeNs);
                assertTrue(catalog.byNative(f.key).isPresent());
                assertFalse(seen.contains(f.key), "announced once, before its first frame: " + f.key);
                announced++;
            }
            if (f.key != null) {
                seen.add(f.key);
            }
        }
        assertEquals(seen.stream().filter(k -> catalog.byNative(k).isPresent()).count(), announced);
        assertTrue(announced >= 10, "the capture's 10 instruments");
    }
}
