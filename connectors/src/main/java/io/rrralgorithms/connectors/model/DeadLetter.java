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
    public String payload;
    public String payloadSha256;

    public DeadLetter() {}

    public static DeadLetter of(String feed, String key, long receiveTimeNs, String reason, String payload) {
        DeadLetter d = new DeadLetter();
        d.feed = feed;
        d.key = key;
        d.receiveTimeNs = receiveTimeNs;
        d.reason = reason;
        d.payload = payload == null ? "" : payload;
        d.payloadSha256 = sha256(d.payload);
        return d;
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DeadLetter{" + feed + ':' + key + " recvNs=" + receiveTimeNs + " reason=" + reason + '}';
    }
}
