package io.rrralgorithms.connectors.flink.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class MarketEventSerializerTest {

    /** Every declared instance field that Flink would serialize (not static, not transient). */
    private static List<Field> wireFields() {
        List<Field> fields = new ArrayList<>();
        for (Field f : MarketEvent.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) {
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return fields;
    }

    /**
     * A value for {@code f} that differs from its default in {@code new MarketEvent()} and from every
     * other field's; a field of a type not known here fails the test: teach the serializer and this
     * method about it.
     */
    private static Object nonDefault(Field f, int i) {
        Class<?> t = f.getType();
        if (t == long.class) {
            return 1_000_003L * (i + 1) + Long.MIN_VALUE / 2; // beyond 32 bits, negative
        } else if (t == int.class) {
            return 100 + i;
        } else if (t == boolean.class) {
            return true;
        } else if (t == String.class) {
            return new String("s" + i + "-\u00e9"); // a fresh object, non-ASCII
        } else if (t.isEnum()) {
            Object[] values = t.getEnumConstants();
            return values[i % values.length];
        } else if (t == long[].class) {
            return new long[] {i, -i - 1L, Long.MAX_VALUE - i};
        } else if (t == byte[].class) {
            return new byte[] {(byte) i, 0, (byte) 0xff};
        }
        return fail("MarketEvent." + f.getName() + " has a type (" + t + ") MarketEventSerializer does not know: "
                + "write it there and give it a value here");
    }

    private static byte[] serialize(TypeSerializer<MarketEvent> s, MarketEvent... events) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (MarketEvent e : events) {
            s.serialize(e, out);
        }
        return out.getCopyOfBuffer();
    }

    private static MarketEvent roundTrip(MarketEvent e) throws IOException {
        MarketEventSerializer s = new MarketEventSerializer();
        DataInputDeserializer in = new DataInputDeserializer(serialize(s, e));
        MarketEvent back = new MarketEventSerializer().deserialize(in);
        assertEquals(0, in.available(), "every byte written is read back");
        return back;
    }

    private static void assertSameFields(MarketEvent expected, MarketEvent actual, String what) throws Exception {
        for (Field f : wireFields()) {
            Object a = f.get(expected);
            Object b = f.get(actual);
            assertTrue(Objects.deepEquals(a, b), what + ": MarketEvent." + f.getName() + " expected " + a + " got " + b);
        }
    }

    private static MarketEvent allFieldsSet() throws Exception {
        MarketEvent e = new MarketEvent();
        MarketEvent defaults = new MarketEvent();
        int i = 0;
        for (Field f : wireFields()) {
            Object v = nonDefault(f, i++);
            if (f.getType() == EventType.class) {
                v = EventType.DERIVATIVES;
            }
            f.set(e, v);
            assertTrue(!Objects.deepEquals(v, f.get(defaults)), f.getName() + " is set to a non-default value");
        }
        return e;
    }

    @Test
    void everyDeclaredFieldRoundTrips() throws Exception {
        MarketEvent e = allFieldsSet();
        assertSameFields(e, roundTrip(e), "serialize/deserialize");
        assertSameFields(e, new MarketEventSerializer().copy(e), "copy");
        MarketEvent reused = new MarketEventSerializer().copy(e, new MarketEvent());
        assertSameFields(e, reused, "copy into");
        MarketEventSerializer s = new MarketEventSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.copy(new DataInputDeserializer(serialize(s, e)), out);
        assertSameFields(e, s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())), "copy of the bytes");
    }

    /** Each field alone on a default event: no field depends on another to be written. */
    @Test
    void eachFieldAloneRoundTrips() throws Exception {
        int i = 0;
        for (Field f : wireFields()) {
            MarketEvent e = new MarketEvent();
            f.set(e, nonDefault(f, i++));
            assertSameFields(e, roundTrip(e), "only " + f.getName() + " set");
        }
    }

    /** Reading into a used object leaves nothing of its old values behind. */
    @Test
    void deserializeIntoReusedObjectOverwritesEveryField() throws Exception {
        MarketEvent e = MarketEvent.trade("binance-spot", "BTCUSDT", "BTC-USDT", 5L);
        MarketEventSerializer s = new MarketEventSerializer();
        MarketEvent reused = s.deserialize(allFieldsSet(), new DataInputDeserializer(serialize(s, e)));
        assertSameFields(e, reused, "into a used object");
    }

    @Test
    void nullsAndEmptyArraysRoundTrip() throws Exception {
        MarketEvent empty = new MarketEvent();
        MarketEvent back = roundTrip(empty);
        assertSameFields(empty, back, "all null");
        assertNull(back.type);
        MarketEvent none = MarketEvent.delta("f", "X", "X", 1L).levels(new long[0], new long[0], new long[0], new long[0]);
        MarketEvent noneBack = roundTrip(none);
        assertSameFields(none, noneBack, "empty levels");
        assertSame(MarketEvent.NO_LEVELS, noneBack.bidPrices, "an empty side comes back as the shared empty array");
    }

    @Test
    void longStringsAndPayloadsRoundTrip() throws Exception {
        MarketEvent e = MarketEvent.decodeError("feed-" + "x".repeat(200), "key-" + "\u20ac".repeat(100), 7L,
                "reason " + "r".repeat(70_000), new byte[1 << 20]);
        e.payload[12_345] = 42;
        MarketEvent back = roundTrip(e);
        assertSameFields(e, back, "long strings");
        assertEquals(e, back);
    }

    /** Feeds and symbols read back are the same String objects: keys compare by identity, nothing allocated. */
    @Test
    void shortStringsComeBackAsTheSameObject() throws Exception {
        MarketEventSerializer writer = new MarketEventSerializer();
        MarketEvent a = MarketEvent.trade(new String("binance-spot"), new String("BTCUSDT"), "BTC-USDT", 1L);
        MarketEvent b = MarketEvent.trade(new String("binance-spot"), new String("BTCUSDT"), "BTC-USDT", 2L);
        MarketEvent c = MarketEvent.trade("binance-usdm", "ETHUSDT", "ETH-USDT-PERP", 3L);
        DataInputDeserializer in = new DataInputDeserializer(serialize(writer, a, c, b));
        MarketEventSerializer reader = new MarketEventSerializer();
        MarketEvent a2 = reader.deserialize(in);
        MarketEvent c2 = reader.deserialize(in);
        MarketEvent b2 = reader.deserialize(in);
        assertEquals(0, in.available());
        assertEquals(a, a2);
        assertEquals(b, b2);
        assertEquals(c, c2);
        assertSame(a2.feed, b2.feed);
        assertSame(a2.nativeSymbol, b2.nativeSymbol);
        assertSame(a2.symbol, b2.symbol);
        assertEquals("binance-usdm:ETHUSDT", c2.instrumentKey());
    }

    @Test
    void typeInformationAndSnapshot() throws Exception {
        TypeSerializer<MarketEvent> s = MarketEventTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl());
        assertTrue(s instanceof MarketEventSerializer);
        assertNotSame(s, s.duplicate(), "stateful (string caches): each thread gets its own");
        assertEquals(s, s.duplicate());
        assertEquals(MarketEvent.class, MarketEventTypeInfo.INSTANCE.getTypeClass());

        TypeSerializerSnapshot<MarketEvent> snapshot = s.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<MarketEvent> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertEquals(s, read.restoreSerializer());
        assertTrue(read.resolveSchemaCompatibility(snapshot).isCompatibleAsIs());
    }

    @Test
    void aDeltaOfManyLevelsRoundTrips() throws Exception {
        long[] p = new long[1_000];
        long[] q = new long[1_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = 6_000_000_000_000L + i;
            q[i] = i * 7L;
        }
        MarketEvent e = MarketEvent.delta("binance-spot", "BTCUSDT", "BTC-USDT", 9L).levels(p, q, q, p);
        e.firstUpdateId = 10;
        e.lastUpdateId = 20;
        MarketEvent back = roundTrip(e);
        assertEquals(e, back);
        assertArrayEquals(p, back.bidPrices);
    }
}
