package io.rrralgorithms.connectors.adapters;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * The decoder of a feed whose stream frames are JSON objects and whose book starts from a recorded
 * REST snapshot (Bitstamp, Gate.io, KuCoin): every frame is parsed as an object with
 * {@link JsonFields}' dead-letter reasons, a {@link FrameKind#REST_SNAPSHOT} frame becomes one
 * snapshot event, any other frame is the venue's stream.
 */
public abstract class RestSnapshotFrameDecoder extends JsonFrameDecoder {

    protected RestSnapshotFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected final Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (frame.kind == FrameKind.REST_SNAPSHOT) {
            return emit(out, snapshot(frame, root));
        }
        return decodeStream(frame, root, out);
    }

    /** The book snapshot of a REST response. */
    protected abstract MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException;

    /** A WebSocket frame of the venue's stream. */
    protected abstract Result decodeStream(RawFrame frame, JsonNode root, Consumer<MarketEvent> out)
            throws DecodeException;
}
