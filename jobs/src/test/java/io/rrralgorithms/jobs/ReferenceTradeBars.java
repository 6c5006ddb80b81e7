package io.rrralgorithms.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Independent per-minute trade sums over the trade messages of capture files (BigDecimal). */
public final class ReferenceTradeBars {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final class Bar {
        public long count;
        public BigDecimal volume = BigDecimal.ZERO;
        public BigDecimal buyVolume = BigDecimal.ZERO;
        public BigDecimal notional = BigDecimal.ZERO;

        public BigDecimal vwap() {
            return notional.divide(volume, 12, RoundingMode.HALF_EVEN);
        }
    }

    /** Minute start (ms) → bar, over every {@code @trade} message of the files. */
    public static Map<Long, Bar> of(Path... files) throws IOException {
        Map<Long, Bar> bars = new TreeMap<>();
        for (Path f : files) {
            for (String line : ReferenceBook.lines(f)) {
                if (!line.contains("@trade\"")) {
                    continue;
                }
                JsonNode d = JSON.readTree(line.substring(line.indexOf(' ') + 1)).get("data");
                long minute = d.get("T").asLong() / 60_000L * 60_000L;
                Bar b = bars.computeIfAbsent(minute, k -> new Bar());
                BigDecimal p = new BigDecimal(d.get("p").asText());
                BigDecimal q = new BigDecimal(d.get("q").asText());
                b.count++;
                b.volume = b.volume.add(q);
                if (!d.get("m").asBoolean()) {
                    b.buyVolume = b.buyVolume.add(q);
                }
                b.notional = b.notional.add(p.multiply(q));
            }
        }
        return bars;
    }
}
