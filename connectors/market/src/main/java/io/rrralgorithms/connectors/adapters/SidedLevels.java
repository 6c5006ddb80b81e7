package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the bid and ask levels of one frame's change list, in the order given, and puts them
 * into an event: by side flag, or by a change's {@code "buy"} (a bid) / {@code "sell"} (an ask).
 */
public final class SidedLevels {
    private final long[] bidPrices;
    private final long[] bidSizes;
    private final long[] askPrices;
    private final long[] askSizes;
    private int bids;
    private int asks;

    /** Reads one element of a change list, at its place {@code where} ({@code changes[3]}), into {@code levels}. */
    @FunctionalInterface
    public interface ChangeReader {
        void read(JsonNode change, String where, SidedLevels levels) throws DecodeException;
    }

    /**
     * The levels of the change list {@code changes} (the field {@code field}), each element read by
     * {@code reader} with its place {@code field[i]} for the reasons.
     */
    public static SidedLevels read(JsonNode changes, String field, ChangeReader reader) throws DecodeException {
        SidedLevels levels = new SidedLevels(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            reader.read(changes.get(i), field + "[" + i + "]", levels);
        }
        return levels;
    }

    /** @param capacity the number of changes of the frame (levels of both sides together) */
    public SidedLevels(int capacity) {
        bidPrices = new long[capacity];
        bidSizes = new long[capacity];
        askPrices = new long[capacity];
        askSizes = new long[capacity];
    }

    /** Adds a level: a bid when {@code bid}, else an ask. */
    public void add(boolean bid, long price, long size) {
        if (bid) {
            bidPrices[bids] = price;
            bidSizes[bids++] = size;
        } else {
            askPrices[asks] = price;
            askSizes[asks++] = size;
        }
    }

    /** Adds a level on the side {@code side} names ({@code "buy"} or {@code "sell"}). */
    public void add(JsonNode side, String where, long price, long size) throws DecodeException {
        if (side == null || !side.isTextual()) {
            throw new DecodeException("field '" + where + ".side' must be a string, got "
                    + (side == null ? "nothing" : side.getNodeType()));
        }
        switch (side.textValue()) {
            case "buy" -> add(true, price, size);
            case "sell" -> add(false, price, size);
            default -> throw new DecodeException("field '" + where + ".side' must be buy or sell, got '"
                    + side.textValue() + "'");
        }
    }

    /** One side's levels, each {@code {price, size}}, as {@code {prices, sizes}}, in order. */
    public static long[][] ofPairs(List<long[]> levels) {
        long[] prices = new long[levels.size()];
        long[] sizes = new long[levels.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = levels.get(i)[0];
            sizes[i] = levels.get(i)[1];
        }
        return new long[][] {prices, sizes};
    }

    /** Sets the event's level arrays to the levels added, in the order added; returns the event. */
    public MarketEvent into(MarketEvent ev) {
        return ev.levels(Arrays.copyOf(bidPrices, bids), Arrays.copyOf(bidSizes, bids),
                Arrays.copyOf(askPrices, asks), Arrays.copyOf(askSizes, asks));
    }
}
