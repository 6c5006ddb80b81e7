package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small pieces the venues' live specs share to write their subscribe messages. */
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
}
