package io.rrralgorithms.connectors.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An instrument's metadata as a raw frame of its feed ({@link FrameKind#INSTRUMENT}): what the
 * replay publishes into the raw topic ahead of the instrument's first frame, keyed by its native
 * symbol like its frames, so that the job learns the contract terms in the same partition, in
 * order, whether it reads a replay or a live capture (the capture service publishes them too).
 * The payload is one JSON object, numbers as exact strings:
 *
 * <pre>{"instrument":{"feed":"bitmex","nativeSymbol":"XBTUSD","symbol":"BTC-USD-PERP","kind":"PERPETUAL",
 *  "base":"BTC","quote":"USD","terms":{"kind":"INVERSE","multiplier":"1","currency":"USD"}}}</pre>
 *
 * Every venue's decoder reads it alike ({@link #decode}, from {@code ScaleFittingDecoder}) into an
 * {@link io.rrralgorithms.connectors.model.EventType#INSTRUMENT} event.
 */
public final class InstrumentFrames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstrumentFrames() {}

    /** The frame announcing {@code i}, received at {@code receiveTimeNs}. */
    public static RawFrame frame(Instrument i, long receiveTimeNs) {
        return new RawFrame(i.feed(), i.nativeSymbol(), FrameKind.INSTRUMENT, receiveTimeNs, payload(i));
    }

    static byte[] payload(Instrument i) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode n = root.putObject("instrument");
        n.put("feed", i.feed());
        n.put("nativeSymbol", i.nativeSymbol());
        n.put("symbol", i.symbol());
        n.put("kind", i.kind().name());
        n.put("base", i.base());
        n.put("quote", i.quote());
        ObjectNode t = n.putObject("terms");
        t.put("kind", i.terms().kind().name());
        t.put("multiplier", i.terms().multiplier().toPlainString());
        t.put("currency", i.terms().currency());
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The INSTRUMENT event of an instrument frame; a frame that is not one, or names another feed, is a dead letter. */
    public static FrameDecoder.Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        JsonNode n;
        try {
            n = JSON.readTree(frame.payload).path("instrument");
        } catch (IOException e) {
            throw new DecodeException("instrument frame is not JSON: " + e.getMessage());
        }
        String feed = text(n, "feed");
        if (!feed.equals(frame.feed)) {
            throw new DecodeException("instrument frame of feed '" + feed + "' in feed " + frame.feed);
        }
        String nativeSymbol = text(n, "nativeSymbol");
        String symbol = text(n, "symbol");
        JsonNode t = n.path("terms");
        ContractTerms terms;
        try {
            terms = new ContractTerms(ContractTerms.Kind.valueOf(text(t, "kind")), new BigDecimal(text(t, "multiplier")),
                    text(t, "currency"));
        } catch (IllegalArgumentException e) { // an unknown kind, a multiplier that is no positive decimal
            throw new DecodeException("instrument frame with bad terms: " + e.getMessage());
        }
        return FrameDecoder.emit(out, MarketEvent.instrument(feed, nativeSymbol, symbol, frame.receiveTimeNs, terms));
    }

    private static String text(JsonNode n, String field) throws DecodeException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new DecodeException("instrument frame without '" + field + "'");
        }
        return v.textValue();
    }
}
