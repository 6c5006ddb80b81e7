package io.rrralgorithms.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The resync topic: the job publishes one small JSON record per book gap (sequence break,
 * failed bridge, checksum mismatch) {@code {"feed","nativeSymbol","reason","exchangeTimeMs",
 * "receiveTimeNs"}} keyed by {@code feed:nativeSymbol}; the live capture service reads it and
 * resyncs that symbol (a fresh REST snapshot, or a resubscription). In a replay nobody reads it:
 * the book waits for the next recorded snapshot.
 */
public final class ResyncRequests {
    /** The topic the local live run uses. */
    public static final String DEFAULT_TOPIC = "rrr.control.resync";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResyncRequests() {}

    /** One request to resync a symbol's book. */
    public record Request(String feed, String nativeSymbol, String reason, long exchangeTimeMs, long receiveTimeNs) {
        public String key() {
            return ResyncRequests.key(feed, nativeSymbol);
        }
    }

    public static String key(String feed, String nativeSymbol) {
        return feed + ":" + nativeSymbol;
    }

    public static byte[] keyBytes(String feed, String nativeSymbol) {
        return key(feed, nativeSymbol).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] toJson(Request r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("feed", r.feed());
        n.put("nativeSymbol", r.nativeSymbol());
        n.put("reason", r.reason());
        n.put("exchangeTimeMs", r.exchangeTimeMs());
        n.put("receiveTimeNs", r.receiveTimeNs());
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a record; {@link IllegalArgumentException} with the reason when it is not a request. */
    public static Request parse(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject() || !n.path("feed").isTextual() || !n.path("nativeSymbol").isTextual()) {
            throw new IllegalArgumentException("a resync request needs the strings feed and nativeSymbol");
        }
        return new Request(n.get("feed").asText(), n.get("nativeSymbol").asText(), n.path("reason").asText(""),
                n.path("exchangeTimeMs").asLong(0), n.path("receiveTimeNs").asLong(0));
    }
}
