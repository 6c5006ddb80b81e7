package io.rrralgorithms.connectors.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Frames built from text for a venue's decoder, keyed as the capture readers key them. */
public final class Frames {
    private Frames() {}

    /** Frames of one venue received at one time, as a venue test writes them. */
    public record At(Venue venue, long receiveNs) {
        public RawFrame ws(String json) {
            return Frames.ws(venue, json, receiveNs);
        }

        public List<MarketEvent> decode(String json) throws DecodeException {
            return Frames.decode(venue, ws(json));
        }

        /** {@code json} is a dead letter whose reason names {@code reason}. */
        public void assertDeadLetter(String json, String reason) {
            String got = assertThrows(DecodeException.class, () -> decode(json), "should be a dead letter").getMessage();
            assertTrue(got.contains(reason.strip()), "'" + got + "' should name: " + reason);
        }
    }

    public static At at(Venue venue, long receiveNs) {
        return new At(venue, receiveNs);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A WebSocket frame of {@code json}, keyed by the venue's partition-key rule. */
    public static RawFrame ws(Venue venue, String json, long receiveNs) {
        byte[] p = utf8(json);
        return new RawFrame(venue.feed(), venue.partitionKey(p), FrameKind.WS, receiveNs, p);
    }

    /** A frame with an explicit key and kind (REST snapshots, or keys a connection keyer gives). */
    public static RawFrame frame(String feed, String key, FrameKind kind, long receiveNs, String payload) {
        return new RawFrame(feed, key, kind, receiveNs, utf8(payload));
    }

    public static List<MarketEvent> decode(Venue venue, RawFrame f) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        venue.decoder().decode(f, out::add);
        return out;
    }

    public static List<MarketEvent> decode(Venue venue, String json, long receiveNs) throws DecodeException {
        return decode(venue, ws(venue, json, receiveNs));
    }

    /** The dead-letter reason the decoder gives {@code f}; fails if it decodes. */
    public static String reject(Venue venue, RawFrame f) {
        return assertThrows(DecodeException.class, () -> decode(venue, f), "should be a dead letter").getMessage();
    }

    public static String reject(Venue venue, String json) {
        return reject(venue, ws(venue, json, 1L));
    }
}
