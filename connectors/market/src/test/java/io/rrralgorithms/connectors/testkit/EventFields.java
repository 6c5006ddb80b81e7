package io.rrralgorithms.connectors.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.model.MarketEvent;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Some fields of an event checked in one comparison, as a table of name and expected value
 * instead of one assertEquals per field; the failure shows every named field, expected and got.
 */
public final class EventFields {
    private EventFields() {}

    /**
     * {@code ev}'s fields named in {@code nameThenValue} (name, value, name, value, ...) equal the
     * values: {@code assertFields(ev, "type", EventType.TRADE, "price", m("1.5"))}. Level arrays
     * compare by content; an int value of a long field is the same number.
     */
    public static void assertFields(MarketEvent ev, Object... nameThenValue) {
        if (nameThenValue.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        Map<String, Object> actual = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            String name = (String) nameThenValue[i];
            Object got = field(ev, name);
            Object want = nameThenValue[i + 1];
            expected.put(name, got instanceof Long && want instanceof Integer n ? Long.valueOf(n) : comparable(want));
            actual.put(name, comparable(got));
        }
        assertEquals(expected, actual, ev::toString);
    }

    private static Object field(MarketEvent ev, String name) {
        try {
            Field f = MarketEvent.class.getField(name);
            return f.get(ev);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("MarketEvent has no public field '" + name + "'", e);
        }
    }

    /** Arrays as lists, so that equal contents compare equal. */
    private static Object comparable(Object v) {
        return v instanceof long[] a ? Arrays.stream(a).boxed().toList() : v;
    }
}
