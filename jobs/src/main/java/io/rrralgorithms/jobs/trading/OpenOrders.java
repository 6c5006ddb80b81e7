package io.rrralgorithms.jobs.trading;

import java.util.ArrayList;
import java.util.List;

/**
 * The account's orders not yet final ({@link TradingState#openOrders}), in creation order, and the
 * queries the matcher, the risk engine and the strategy context ask of them.
 */
final class OpenOrders {
    private final TradingState state;

    OpenOrders(TradingState state) {
        this.state = state;
    }

    void add(Order o) {
        state.openOrders.put(o.orderId, o);
    }

    void remove(Order o) {
        state.openOrders.remove(o.orderId);
    }

    boolean contains(Order o) {
        return state.openOrders.containsKey(o.orderId);
    }

    /** The live order of that id, or null when it is final (or unknown). */
    Order get(String orderId) {
        return state.openOrders.get(orderId);
    }

    /** All of them, as a copy: cancelling while iterating is safe. */
    List<Order> all() {
        return new ArrayList<>(state.openOrders.values());
    }

    /** The instrument's open orders, as a copy, in creation order. */
    List<Order> of(String instrumentKey) {
        List<Order> list = new ArrayList<>();
        for (Order o : state.openOrders.values()) {
            if (o.instrumentKey().equals(instrumentKey)) {
                list.add(o);
            }
        }
        return list;
    }

    /** Σ remaining quantity of the instrument's open orders on {@code side}. */
    long remaining(String instrumentKey, Side side) {
        long sum = 0;
        for (Order o : state.openOrders.values()) {
            if (o.side == side && o.instrumentKey().equals(instrumentKey)) {
                sum += o.remaining();
            }
        }
        return sum;
    }
}
