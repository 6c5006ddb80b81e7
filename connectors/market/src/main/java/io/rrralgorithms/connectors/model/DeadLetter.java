package io.rrralgorithms.connectors.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A frame the pipeline could not use, with the reason. Its natural key (feed, receive time,
 * payload hash) is the same on every replay of the same input, so re-runs upsert, not duplicate.
 */
public class DeadLetter {
    public String feed;
    public String key;
    public long receiveTimeNs;
    public String reason;
    /** The payload as text (invalid UTF-8 replaced); {@link #payloadBytes} keeps the original bytes. */
    public String payload;
    /** The frame's bytes exactly as received (capped), or null when only text is known. */
    public byte[] payloadBytes;
    public String payloadSha256;

    public DeadLetter() {}

    public static DeadLetter of(String feed, String key, long receiveTimeNs, String reason, String payload) {
        DeadLetter d = of(feed, key, receiveTimeNs, reason);
        d.payload = payload == null ? "" : payload;
        d.payloadSha256 = sha256(d.payload);
        return d;
    }

    /** A dead letter that keeps the frame's original bytes; the hash is over those bytes. */
    public static DeadLetter of(String feed, String key, long receiveTimeNs, String reason, byte[] payload) {
        DeadLetter d = of(feed, key, receiveTimeNs, reason);
        d.payloadBytes = payload == null ? new byte[0] : payload;
        d.payload = new String(d.payloadBytes, StandardCharsets.UTF_8);
        d.payloadSha256 = sha256(d.payloadBytes);
        return d;
    }

    private static DeadLetter of(String feed, String key, long receiveTimeNs, String reason) {
        DeadLetter d = new DeadLetter();
        d.feed = feed;
        d.key = key;
        d.receiveTimeNs = receiveTimeNs;
        d.reason = reason;
        return d;
    }

    static String sha256(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DeadLetter{" + feed + ':' + key + " recvNs=" + receiveTimeNs + " reason=" + reason + '}';
    }
}
