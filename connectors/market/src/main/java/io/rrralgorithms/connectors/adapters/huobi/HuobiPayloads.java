package io.rrralgorithms.connectors.adapters.huobi;

import io.rrralgorithms.connectors.adapters.BytesLiterals;
import io.rrralgorithms.connectors.adapters.DecodeException;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The JSON text of a Huobi frame in each of the forms it reaches the decoder: Huobi gzips every
 * WebSocket message, the live capture inflates it ({@code FrameInflater.GZIP}) and publishes the
 * JSON, a live message it could not inflate stays gzip, and cryptofeed's captures store the
 * message as Python's {@code repr} of the gzip bytes ({@code b'\x1f\x8b...'}, or {@code b"..."}
 * where the bytes hold a {@code '}). So: a bytes literal is read back to its bytes
 * ({@link BytesLiterals}), gzip bytes are inflated (the whole input one gzip member, its CRC and
 * length checked, at most {@link #MAX_INFLATED} bytes), anything else is the JSON as it is. Every
 * refusal names why.
 */
final class HuobiPayloads {
    /** Inflated bytes a frame may hold: a depth.step0 book of 150 levels a side is about 8 KB. */
    static final int MAX_INFLATED = 16 << 20;

    private static final int FTEXT_FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private HuobiPayloads() {}

    /** The frame's JSON bytes (the payload itself where it is neither a bytes literal nor gzip). */
    static byte[] json(byte[] payload) throws DecodeException {
        byte[] bytes = BytesLiterals.isBytesLiteral(payload) ? BytesLiterals.bytes(payload) : payload;
        return isGzip(bytes) ? gunzip(bytes) : bytes;
    }

    static boolean isGzip(byte[] p) {
        return p != null && p.length >= 2 && (p[0] & 0xFF) == 0x1F && (p[1] & 0xFF) == 0x8B;
    }

    /** One gzip member (RFC 1952), the whole input, inflated; CRC-32 and length checked. */
    static byte[] gunzip(byte[] gz) throws DecodeException {
        if (gz.length < 18) {
            throw new DecodeException("gzip frame of " + gz.length + " bytes, shorter than a gzip header and trailer");
        }
        if (gz[2] != 8) {
            throw new DecodeException("gzip frame with compression method " + gz[2] + " (8, deflate, expected)");
        }
        int flags = gz[3] & 0xFF;
        int pos = 10;
        if ((flags & FEXTRA) != 0) {
            pos += 2 + ((gz[pos] & 0xFF) | (gz[pos + 1] & 0xFF) << 8);
        }
        if ((flags & FNAME) != 0) {
            pos = afterZero(gz, pos);
        }
        if ((flags & FCOMMENT) != 0) {
            pos = afterZero(gz, pos);
        }
        if ((flags & FTEXT_FHCRC) != 0) {
            pos += 2;
        }
        if (pos + 8 > gz.length) {
            throw new DecodeException("gzip frame cut in its header");
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(gz, pos, gz.length - pos - 8);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, gz.length * 6));
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new DecodeException("gzip frame cut: its deflate stream does not end");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DecodeException("gzip frame inflates past " + MAX_INFLATED + " bytes");
                }
            }
            if (inf.getRemaining() != 0) {
                throw new DecodeException("gzip frame: " + inf.getRemaining() + " bytes between its deflate stream and trailer");
            }
            byte[] json = out.toByteArray();
            int t = gz.length - 8;
            CRC32 crc = new CRC32();
            crc.update(json);
            if (crc.getValue() != (le32(gz, t) & 0xFFFFFFFFL) || le32(gz, t + 4) != json.length) {
                throw new DecodeException("gzip frame whose CRC-32 or length does not match its content");
            }
            return json;
        } catch (DataFormatException e) {
            throw new DecodeException("gzip frame with bad deflate data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static int afterZero(byte[] gz, int from) throws DecodeException {
        for (int i = from; i < gz.length; i++) {
            if (gz[i] == 0) {
                return i + 1;
            }
        }
        throw new DecodeException("gzip frame cut in its header");
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
