package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shapes the venues' live specs share ({@link LiveSpec} declares the rest): streams named
 * {@code <channel>:<symbol>}, the subscribe message of one stream or one channel, the stream of a
 * frame from two scanned fields, an error reply recognized by one field's value.
 */
public final class LiveSubscriptions {
    private LiveSubscriptions() {}

    /** The streams by channel, channels in the order they first appear, streams in their order. */
    public static Map<Channel, List<LiveStream>> byChannel(List<LiveStream> streams) {
        Map<Channel, List<LiveStream>> out = new LinkedHashMap<>();
        for (LiveStream s : streams) {
            out.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** {@code "a","b"}: each value as a JSON string (the venues' symbols and stream names need no escaping). */
    public static String quoted(List<LiveStream> streams, Function<LiveStream, String> value) {
        StringBuilder b = new StringBuilder();
        for (LiveStream s : streams) {
            b.append(b.length() == 0 ? "" : ",").append('"').append(value.apply(s)).append('"');
        }
        return b.toString();
    }

    /** The frame as text where it is a small one (a reply, an error), else null: never a large data frame. */
    public static String smallText(byte[] payload, int max) {
        return payload.length > max ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** The venue's channel of a stream named {@code <channel>:<symbol>} ({@code books:BTC-USDT} → {@code books}). */
    public static String channelOf(LiveStream s) {
        return s.name().substring(0, s.name().indexOf(':'));
    }

    /** The one stream of a venue that subscribes one a message; an {@link IllegalArgumentException} for more. */
    public static LiveStream one(String feed, List<LiveStream> streams) {
        if (streams.size() != 1) {
            throw new IllegalArgumentException(feed + " subscribes one stream a message, got " + streams);
        }
        return streams.get(0);
    }

    /**
     * The channel ({@link #channelOf}) of streams a venue subscribes one channel a message; an
     * {@link IllegalArgumentException} where they are of several.
     */
    public static String oneChannel(String feed, List<LiveStream> streams) {
        String channel = channelOf(streams.get(0));
        for (LiveStream s : streams) {
            if (!channelOf(s).equals(channel)) {
                throw new IllegalArgumentException(feed + " subscribes one channel a message, got " + streams);
            }
        }
        return channel;
    }

    /**
     * {@code <channel>:<symbol>} of a frame naming both ({@code "channel":"books"} …
     * {@code "instId":"BTC-USDT"}), from the values after the two markers; null where either is absent.
     */
    public static String stream(byte[] payload, String channelMarker, String symbolMarker) {
        String channel = PayloadScan.valueAfter(payload, channelMarker, '"');
        String symbol = channel == null ? null : PayloadScan.valueAfter(payload, symbolMarker, '"');
        return symbol == null ? null : channel + ":" + symbol;
    }

    /**
     * The frame as text where the string value after {@code marker} is {@code value} (an error reply,
     * {@code "event":"error"}) and the frame is a small one; null for any other frame.
     */
    public static String errorIf(byte[] payload, String marker, String value) {
        return value.equals(PayloadScan.valueAfter(payload, marker, '"')) ? smallText(payload, 4096) : null;
    }

    /** The frame as text where it is a small one containing {@code part} ({@code "error":{}); else null. */
    public static String errorContaining(byte[] payload, String part) {
        String s = smallText(payload, 4096);
        return s != null && s.contains(part) ? s : null;
    }

    /**
     * {@code {"name":"<channel>","<symbolsKey>":["A","B"]},…}: the streams' channels in first-seen
     * order, each naming its native symbols (Coinbase's {@code product_ids}, Delta's {@code symbols}).
     */
    public static String namedChannels(List<LiveStream> streams, String symbolsKey) {
        StringBuilder b = new StringBuilder();
        for (List<LiveStream> one : byChannel(streams).values()) {
            b.append(b.length() == 0 ? "" : ",").append("{\"name\":\"").append(channelOf(one.get(0))).append("\",\"")
                    .append(symbolsKey).append("\":[").append(quoted(one, LiveStream::nativeSymbol)).append("]}");
        }
        return b.toString();
    }
}
