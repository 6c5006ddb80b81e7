package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits a venue's streams over connections and subscribe messages by its {@link VenueLimits}:
 * each connection carries at most {@code maxStreamsPerConnection} streams, each subscribe
 * message names at most {@code maxStreamsPerSubscribe}. An instrument's streams stay on one
 * connection where they fit (its frames then arrive, and are keyed into Kafka, in the venue's
 * order); instruments fill connections in the order given (first fit). Streams of different
 * connection groups ({@link io.rrralgorithms.connectors.venues.LiveVenue#connectionGroup}) never
 * share a connection: each group is planned on its own, groups in the order they first appear.
 */
public final class SubscriptionPlanner {
    private SubscriptionPlanner() {}

    /** One connection: its streams and the subscribe messages' stream batches, in sending order. */
    public record ConnectionPlan(List<LiveStream> streams, List<List<LiveStream>> subscribeBatches) {
        public List<String> symbols() {
            return streams.stream().map(LiveStream::nativeSymbol).distinct().toList();
        }
    }

    public static List<ConnectionPlan> plan(List<LiveStream> streams, VenueLimits limits) {
        return plan(streams, limits, s -> "");
    }

    /** The plans of each connection group in turn. */
    public static List<ConnectionPlan> plan(List<LiveStream> streams, VenueLimits limits,
            Function<LiveStream, String> group) {
        Map<String, List<LiveStream>> byGroup = new LinkedHashMap<>();
        for (LiveStream s : streams) {
            byGroup.computeIfAbsent(group.apply(s), k -> new ArrayList<>()).add(s);
        }
        List<ConnectionPlan> plans = new ArrayList<>();
        for (List<LiveStream> one : byGroup.values()) {
            plans.addAll(planGroup(one, limits));
        }
        return plans;
    }

    private static List<ConnectionPlan> planGroup(List<LiveStream> streams, VenueLimits limits) {
        int perConnection = limits.maxStreamsPerConnection();
        Map<String, List<LiveStream>> bySymbol = new LinkedHashMap<>();
        for (LiveStream s : streams) {
            bySymbol.computeIfAbsent(s.nativeSymbol(), k -> new ArrayList<>()).add(s);
        }
        List<List<LiveStream>> connections = new ArrayList<>();
        List<LiveStream> current = new ArrayList<>();
        for (List<LiveStream> group : bySymbol.values()) {
            if (group.size() > perConnection) {
                // one instrument with more streams than a connection takes: split it too
                for (LiveStream s : group) {
                    if (current.size() == perConnection) {
                        connections.add(current);
                        current = new ArrayList<>();
                    }
                    current.add(s);
                }
                continue;
            }
            if (current.size() + group.size() > perConnection) {
                connections.add(current);
                current = new ArrayList<>();
            }
            current.addAll(group);
        }
        if (!current.isEmpty()) {
            connections.add(current);
        }
        List<ConnectionPlan> plans = new ArrayList<>();
        for (List<LiveStream> c : connections) {
            List<List<LiveStream>> batches = new ArrayList<>();
            for (int i = 0; i < c.size(); i += limits.maxStreamsPerSubscribe()) {
                batches.add(List.copyOf(c.subList(i, Math.min(c.size(), i + limits.maxStreamsPerSubscribe()))));
            }
            plans.add(new ConnectionPlan(List.copyOf(c), List.copyOf(batches)));
        }
        return plans;
    }
}
