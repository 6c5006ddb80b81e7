package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Test sinks that collect every output into static lists (the MiniCluster runs in this JVM). */
public class CollectingSinks implements MarketDataSinks {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    @Override
    public Sink<BookTop> bookUpdates() {
        return new Collecting<>(id + "/tops");
    }

    @Override
    public Sink<BookTop> bookSamples() {
        return new Collecting<>(id + "/samples");
    }

    @Override
    public Sink<FeatureRow> features() {
        return new Collecting<>(id + "/features");
    }

    @Override
    public Sink<TradeBar> tradeBars() {
        return new Collecting<>(id + "/bars");
    }

    @Override
    public Sink<BookGap> gaps() {
        return new Collecting<>(id + "/gaps");
    }

    @Override
    public Sink<DeadLetter> deadLetters() {
        return new Collecting<>(id + "/dead");
    }

    @Override
    public Sink<Score> scores() {
        return new Collecting<>(id + "/scores");
    }

    @Override
    public Sink<ModelEvent> modelEvents() {
        return new Collecting<>(id + "/model-events");
    }

    @Override
    public Sink<Order> orders() {
        return new Collecting<>(id + "/orders");
    }

    @Override
    public Sink<Fill> fills() {
        return new Collecting<>(id + "/fills");
    }

    /** Every order update, of every stream that writes orders (trading and the per-event path). */
    public List<Order> orderList() {
        return get("orders");
    }

    public List<Fill> fillList() {
        return get("fills");
    }

    public List<Score> scoreList() {
        return get("scores");
    }

    public List<ModelEvent> modelEventList() {
        return get("model-events");
    }

    public List<BookTop> tops() {
        return get("tops");
    }

    public List<BookTop> samples() {
        return get("samples");
    }

    public List<FeatureRow> featureRows() {
        return get("features");
    }

    public List<TradeBar> bars() {
        return get("bars");
    }

    public List<BookGap> gapList() {
        return get("gaps");
    }

    public List<DeadLetter> deadLetterList() {
        return get("dead");
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> get(String name) {
        List<Object> l = RESULTS.get(id + "/" + name);
        if (l == null) {
            return List.of();
        }
        synchronized (l) {
            return (List<T>) new ArrayList<>(l);
        }
    }

    private static final class Collecting<T> implements Sink<T> {
        private final String key;

        Collecting(String key) {
            this.key = key;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            List<Object> list = RESULTS.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()));
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    list.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
