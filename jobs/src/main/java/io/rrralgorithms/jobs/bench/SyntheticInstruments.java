package io.rrralgorithms.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Many instruments made from one real Binance capture: the capture's first frames (its REST depth
 * snapshot among them) are the stream of every instrument, each with the capture's symbol renamed
 * in place to one of its own ({@code BTCUSDT} → {@code A00USDT}, {@code A01USDT}, ...: the same
 * length, so the frames stay byte for byte what the venue sent but for the name). Frame {@code j}
 * of instrument {@code k} is {@link #frame(int, int)}; a run goes frame by frame across all
 * instruments (round robin: the worst case for caches, and how a many-symbol feed arrives).
 *
 * <p>Not thread-safe: one frame's payload is patched in place and is valid until the next call
 * (the decoders keep nothing of a payload). Serializable, so a Flink source can carry it.
 */
public final class SyntheticInstruments implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Base36 codes from "A00": 3 characters, so as many instruments as that leaves. */
    private static final int FIRST_CODE = 10 * 36 * 36;
    public static final int MAX_INSTRUMENTS = 36 * 36 * 36 - FIRST_CODE;

    private final String feed;
    private final int instruments;
    private final byte[][] payloads;
    private final FrameKind[] kinds;
    private final long[] receiveTimeNs;
    /** Per frame, the offsets where the symbol's first 3 characters are, upper and lower case. */
    private final int[][] upperAt;
    private final int[][] lowerAt;
    private final String[] keys;
    private final String original;

    private SyntheticInstruments(String feed, String symbol, int instruments, List<RawFrame> frames) {
        this.feed = feed;
        this.original = symbol;
        this.instruments = instruments;
        int n = frames.size();
        payloads = new byte[n][];
        kinds = new FrameKind[n];
        receiveTimeNs = new long[n];
        upperAt = new int[n][];
        lowerAt = new int[n][];
        byte[] upper = symbol.getBytes(StandardCharsets.US_ASCII);
        byte[] lower = symbol.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        for (int j = 0; j < n; j++) {
            RawFrame f = frames.get(j);
            payloads[j] = f.payload.clone();
            kinds[j] = f.kind;
            receiveTimeNs[j] = f.receiveTimeNs;
            upperAt[j] = occurrences(payloads[j], upper);
            lowerAt[j] = occurrences(payloads[j], lower);
        }
        keys = new String[instruments];
        for (int k = 0; k < instruments; k++) {
            keys[k] = code(k) + symbol.substring(3);
        }
    }

    /**
     * The first {@code framesPerInstrument} frames of a Binance {@code file} (a hftbacktest capture
     * of one symbol with its depth snapshot near the start) for {@code instruments} instruments.
     *
     * @param snapshotLevels the snapshot cut to its best this many levels per side (a REST
     *     snapshot of {@code limit=50}); 0: as captured
     */
    public static SyntheticInstruments fromCapture(Path file, int instruments, int framesPerInstrument,
            int snapshotLevels) throws IOException {
        if (instruments < 1 || instruments > MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("instruments must be 1.." + MAX_INSTRUMENTS + ", got " + instruments);
        }
        List<RawFrame> frames = new ArrayList<>();
        String feed;
        String symbol = null;
        try (CaptureReader r = CaptureFeeds.INFERRED.open(file)) {
            feed = r.feed();
            boolean snapshot = false;
            while (r.hasNext() && (frames.size() < framesPerInstrument || !snapshot)) {
                RawFrame f = r.next();
                if (symbol == null && f.key != null) {
                    symbol = f.key;
                }
                if (f.kind == FrameKind.REST_SNAPSHOT) {
                    snapshot = true;
                    if (snapshotLevels > 0) {
                        f.payload = cutSnapshot(f.payload, snapshotLevels);
                    }
                }
                frames.add(f);
            }
            if (!snapshot) {
                throw new IOException(file + " has no depth snapshot: its books would never sync");
            }
        }
        if (feed == null || !feed.startsWith("binance") || symbol == null || symbol.length() < 4) {
            throw new IOException(file + ": a Binance capture of one symbol is needed (feed " + feed + ", symbol "
                    + symbol + ")");
        }
        return new SyntheticInstruments(feed, symbol, instruments, frames);
    }

    private static byte[] cutSnapshot(byte[] payload, int levels) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(payload);
        for (String side : new String[] {"bids", "asks"}) {
            JsonNode a = root.get(side);
            if (a instanceof ArrayNode arr) {
                while (arr.size() > levels) {
                    arr.remove(arr.size() - 1);
                }
            }
        }
        return m.writeValueAsBytes(root);
    }

    private static int[] occurrences(byte[] payload, byte[] what) {
        List<Integer> at = new ArrayList<>();
        outer:
        for (int i = 0; i + what.length <= payload.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (payload[i + j] != what[j]) {
                    continue outer;
                }
            }
            at.add(i);
            i += what.length - 1;
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Instrument {@code k}'s 3-character base36 code: A00, A01, ... */
    static String code(int k) {
        int v = FIRST_CODE + k;
        char[] c = new char[3];
        for (int i = 2; i >= 0; i--) {
            c[i] = Character.toUpperCase(Character.forDigit(v % 36, 36));
            v /= 36;
        }
        return new String(c);
    }

    public int instruments() {
        return instruments;
    }

    public int framesPerInstrument() {
        return payloads.length;
    }

    public String feed() {
        return feed;
    }

    /** The captured symbol every instrument is renamed from. */
    public String originalSymbol() {
        return original;
    }

    /** Native symbol of instrument {@code k}. */
    public String symbol(int k) {
        return keys[k];
    }

    /** Frame {@code j} as instrument {@code k}'s: valid until the next call. */
    public RawFrame frame(int j, int k) {
        byte[] p = payloads[j];
        String key = keys[k];
        for (int at : upperAt[j]) {
            p[at] = (byte) key.charAt(0);
            p[at + 1] = (byte) key.charAt(1);
            p[at + 2] = (byte) key.charAt(2);
        }
        for (int at : lowerAt[j]) {
            p[at] = (byte) Character.toLowerCase(key.charAt(0));
            p[at + 1] = (byte) Character.toLowerCase(key.charAt(1));
            p[at + 2] = (byte) Character.toLowerCase(key.charAt(2));
        }
        return new RawFrame(feed, key, kinds[j], receiveTimeNs[j], p);
    }

    /** Bytes of the frames of one instrument. */
    public long bytesPerInstrument() {
        return Arrays.stream(payloads).mapToLong(p -> p.length).sum();
    }
}
