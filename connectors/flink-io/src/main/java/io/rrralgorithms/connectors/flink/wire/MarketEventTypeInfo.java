package io.rrralgorithms.connectors.flink.wire;

import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of the job's market-event streams: {@link MarketEventSerializer} instead of the
 * reflective {@code PojoSerializer} that {@code TypeInformation.of(MarketEvent.class)} gives. Set on
 * the operators that emit market events ({@code .returns(MarketEventTypeInfo.INSTANCE)}); rrr-market
 * stays free of Flink, so the type cannot be attached to the class itself.
 */
public final class MarketEventTypeInfo extends TypeInformation<MarketEvent> {
    private static final long serialVersionUID = 1L;

    public static final MarketEventTypeInfo INSTANCE = new MarketEventTypeInfo();

    private MarketEventTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<MarketEvent> getTypeClass() {
        return MarketEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<MarketEvent> createSerializer(SerializerConfig config) {
        return new MarketEventSerializer();
    }

    @Override
    public String toString() {
        return "MarketEventTypeInfo";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return MarketEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof MarketEventTypeInfo;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
