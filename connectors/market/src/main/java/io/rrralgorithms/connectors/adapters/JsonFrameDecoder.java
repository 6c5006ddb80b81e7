package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * The decoder of one feed whose frames are JSON: each payload is parsed by the feed's parser
 * (with {@link JsonFields}' or, for exact JSON numbers, {@link JsonNumbers}' dead-letter reasons)
 * and the tree handed to {@link #decode(RawFrame, JsonNode, Consumer)}.
 */
public abstract class JsonFrameDecoder implements FrameDecoder {

    /** One of the parse entry points ({@code JsonFields::parseObject}, {@code JsonNumbers::parseTree}, …). */
    @FunctionalInterface
    public interface JsonParser extends Serializable {
        JsonNode parse(byte[] payload) throws DecodeException;
    }

    protected final String feed;
    private final JsonParser parser;

    protected JsonFrameDecoder(String feed, JsonParser parser) {
        this.feed = feed;
        this.parser = parser;
    }

    @Override
    public final Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        return decode(frame, parser.parse(frame.payload), out);
    }

    /** The frame, parsed into {@code root}. */
    protected abstract Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException;
}
