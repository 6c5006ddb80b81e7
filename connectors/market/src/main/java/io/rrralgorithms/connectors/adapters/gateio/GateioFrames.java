package io.rrralgorithms.connectors.adapters.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.util.Set;

/** The Gate.io v4 WebSocket envelope and number forms shared by the spot and futures decoders. */
final class GateioFrames {
    private GateioFrames() {}

    /** How a decoder reads the levels of one side ({@code b}, {@code bids}, …) of its book frames. */
    @FunctionalInterface
    interface SideReader {
        long[][] levels(JsonNode parent, String field) throws DecodeException;
    }

    /**
     * The channel of an envelope {@code {"time","channel","event","error","result"}} that is an
     * {@code update} (of a channel the caller knows, or else refuses), or null for one to ignore:
     * pings/pongs, subscribe/unsubscribe replies and the {@code ignoredChannels}. An {@code error},
     * a failed subscription and any other event are dead letters; so is a v3 frame, with a reason
     * naming the feed that decodes it.
     */
    static String dataChannel(JsonNode root, Set<String> ignoredChannels) throws DecodeException {
        if (!root.has("channel") && root.has("method")) { // {"method":"depth.update","params":[...]}: API v3
            throw new DecodeException("a Gate.io API v3 frame (method '" + root.path("method").asText()
                    + "'), not v4: decode it as feed " + GateioVenue.V3_FEED + " (" + GateioVenue.V3_FEED + "=FILE)");
        }
        String channel = JsonFields.requireText(root, "channel");
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw new DecodeException("venue error message on " + channel + ": code " + error.path("code").asText()
                    + " " + error.path("message").asText());
        }
        if (channel.endsWith(".pong") || channel.endsWith(".ping") || ignoredChannels.contains(channel)) {
            return null;
        }
        String event = JsonFields.requireText(root, "event");
        switch (event) {
            case "subscribe", "unsubscribe" -> {
                JsonNode status = root.path("result").path("status");
                if (!status.isMissingNode() && !status.asText().equals("success")) {
                    throw new DecodeException(event + " of " + channel + " failed: status '" + status.asText() + "'");
                }
                return null;
            }
            case "update" -> {
                return channel;
            }
            default -> throw new DecodeException("unknown event '" + event + "' on channel '" + channel + "'");
        }
    }

    /**
     * Refuses a REST order book that cannot be a snapshot: one without the frame key naming its
     * {@code keyName}, or the venue's error response ({@code label}, no {@code id}).
     */
    static void checkSnapshot(RawFrame frame, JsonNode root, String keyName) throws DecodeException {
        if (frame.key == null || frame.key.isEmpty()) {
            throw new DecodeException("order book snapshot without a " + keyName + " key");
        }
        if (root.has("label") && !root.has("id")) {
            throw new DecodeException("venue error response: " + root.path("label").asText() + " "
                    + root.path("message").asText());
        }
    }

    /**
     * Fills in a {@code *.order_book_update} delta {@code ev} from its result {@code r}: {@code t}
     * (ms), {@code U}/{@code u}, then the {@code b}/{@code a} levels read by {@code sides}.
     */
    static MarketEvent update(MarketEvent ev, JsonNode r, SideReader sides) throws DecodeException {
        ev.exchangeTimeMs = JsonFields.requireEpochMs(r, "t");
        EventChecks.requireRange(ev, JsonFields.requireLong(r, "U"), JsonFields.requireLong(r, "u"),
                "order book update");
        return ev.levels(sides.levels(r, "b"), sides.levels(r, "a"));
    }

    /** The envelope's {@code time_ms} where the venue sends one (futures, newer spot), else 0. */
    static long envelopeTimeMs(JsonNode root) throws DecodeException {
        return JsonFields.optionalLong(root, "time_ms", 0L);
    }

    /**
     * A millisecond time sent as an integer, or as a decimal ms string/number with a fraction
     * ({@code "1619093543708.2642"}): truncated to the millisecond.
     */
    static long millis(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        String text = n == null ? null : n.isTextual() ? n.textValue() : n.isFloatingPointNumber() ? n.asText() : null;
        if (text != null) {
            try {
                BigDecimal d = new BigDecimal(text);
                if (d.signum() >= 0) {
                    return d.longValue();
                }
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new DecodeException(n == null ? "missing field '" + field + "' (expected a time in ms)"
                : "field '" + field + "' is not a time in ms: " + n);
    }

    /** A time in seconds with a fraction ({@code "current":1684930166.384}) in ms, rounded to the ms. */
    static long secondsToMillis(JsonNode n, String field) throws DecodeException {
        if (n == null || !n.isNumber()) {
            throw new DecodeException(n == null ? "missing field '" + field + "' (expected seconds)"
                    : "field '" + field + "' must be a number of seconds, got " + n.getNodeType());
        }
        return n.isIntegralNumber() ? Math.multiplyExact(n.longValue(), 1000L) : Math.round(n.doubleValue() * 1000.0);
    }

    /**
     * A size as futures frames send it: an integral JSON number of contracts ({@code "s":814}), or a
     * decimal string. A JSON floating-point number is refused (a binary double is not an exact
     * decimal).
     */
    static long size(JsonNode n, String what) throws DecodeException {
        if (n != null && n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw new DecodeException("field '" + what + "' is out of range: " + n);
            }
            try {
                return Decimals.ofUnits(n.longValue());
            } catch (Decimals.ScaleException e) {
                throw new DecodeException("field '" + what + "' is out of range: " + n, e);
            }
        }
        if (n != null && n.isTextual()) {
            return JsonFields.decimal(n, what);
        }
        throw new DecodeException(n == null ? "missing field '" + what + "' (expected a size)"
                : "field '" + what + "' must be an integer or a decimal string, got " + n.getNodeType());
    }
}
