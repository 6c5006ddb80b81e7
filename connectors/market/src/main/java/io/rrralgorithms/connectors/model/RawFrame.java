package io.rrralgorithms.connectors.model;

/**
 * A frame exactly as the venue sent it, with where it came from. In Kafka: value = payload bytes,
 * key = native symbol, record timestamp = receive time (ms), headers carry the exact receive time
 * in ns and the frame kind.
 */
public class RawFrame {
    public String feed;
    /** Native symbol the frame belongs to (the Kafka key); may be null for frames of no symbol. */
    public String key;
    public FrameKind kind = FrameKind.WS;
    public long receiveTimeNs;
    public byte[] payload;

    public RawFrame() {}

    public RawFrame(String feed, String key, FrameKind kind, long receiveTimeNs, byte[] payload) {
        this.feed = feed;
        this.key = key;
        this.kind = kind;
        this.receiveTimeNs = receiveTimeNs;
        this.payload = payload;
    }
}
