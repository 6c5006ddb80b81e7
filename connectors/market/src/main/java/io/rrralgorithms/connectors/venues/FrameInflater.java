package io.rrralgorithms.connectors.venues;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Turns a binary WebSocket message into the bytes the venue means, for venues that compress
 * their frames (HTX gzips every message, OKX and Bitmart offer raw deflate). Text messages are
 * never passed through it. A message it cannot inflate is published as received (the decoder
 * dead-letters it) and logged: a frame received is never dropped.
 */
@FunctionalInterface
public interface FrameInflater {
    byte[] inflate(byte[] message) throws IOException;

    /** Binary messages are the payload as they are. */
    FrameInflater NONE = message -> message;

    /** gzip (RFC 1952). */
    FrameInflater GZIP = message -> readAll(new GZIPInputStream(new ByteArrayInputStream(message)));

    /**
     * Raw deflate (RFC 1951, no zlib header), also a sync-flushed message without a final block
     * (as venues that deflate each message send it).
     */
    FrameInflater DEFLATE = message -> inflate(message, true);

    /** zlib (RFC 1950: deflate with a zlib header). */
    FrameInflater ZLIB = message -> inflate(message, false);

    private static byte[] inflate(byte[] message, boolean raw) throws IOException {
        Inflater inf = new Inflater(raw);
        try {
            // a raw stream may need one dummy byte after the data (see Inflater(boolean))
            byte[] in = raw ? Arrays.copyOf(message, message.length + 1) : message;
            inf.setInput(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, message.length * 4));
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsDictionary()) {
                        throw new IOException("deflate stream needs a preset dictionary");
                    }
                    break; // all input used: a sync-flushed message ends here
                }
                out.write(buf, 0, n);
            }
            if (out.size() == 0 && message.length > 0) {
                throw new IOException("not a deflate stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("bad deflate data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
