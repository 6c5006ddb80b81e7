package io.rrralgorithms.connectors.kafka;

/** Raw topic naming: one topic per feed, {@code raw.<feed>} (prefix configurable). */
public final class RawTopics {
    public static final String DEFAULT_PREFIX = "raw.";

    /** Header with the exact local receive time in ns since epoch (ASCII decimal). */
    public static final String HEADER_RECEIVE_NS = "rrr.recv_ns";
    /**
     * Header a replay adds: when it published the frame, wall clock ns since epoch (ASCII decimal),
     * the start of the job's latency stages (a live frame's start is its receive time).
     */
    public static final String HEADER_INGEST_NS = "rrr.ingest_ns";
    /** Header with the {@link io.rrralgorithms.connectors.model.FrameKind} of the frame. */
    public static final String HEADER_KIND = "rrr.kind";

    private RawTopics() {}

    public static String topicOf(String prefix, String feed) {
        return prefix + feed;
    }

    /** The feed of a raw topic, or null when the topic does not carry the prefix. */
    public static String feedOf(String prefix, String topic) {
        return topic.startsWith(prefix) ? topic.substring(prefix.length()) : null;
    }
}
