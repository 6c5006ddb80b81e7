package io.rrralgorithms.connectors.adapters.bithumb;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes Bithumb's public WebSocket trades:
 *
 * <ul>
 *   <li>{@code {"type":"transaction","content":{"list":[{"buySellGb","contPrice","contQty","contAmt",
 *       "contDtm","updn","symbol"}]}}} → one {@link EventType#TRADE} each: {@code buySellGb} "2" a
 *       buy execution (taker buy), "1" a sell; {@code contDtm} is Korea time (UTC+9) to the
 *       microsecond, without zone; Bithumb sends no trade id, so the id is that time in µs since
 *       the epoch (made up: the venue declares it);
 *   <li>{@code {"status":"0000","resmsg":...}} (connected, filter registered) are ignored.
 * </ul>
 *
 * Another status (an error), the {@code ticker} and {@code orderbookdepth} channels (not decoded:
 * not recorded), malformed JSON, wrong field types, unknown symbols and numbers no long mantissa
 * scale holds are {@link DecodeException}s.
 */
final class BithumbFrameDecoder extends JsonFrameDecoder {
    private static final DateTimeFormatter KOREA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    BithumbFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("status")) {
            String status = requireText(root, "status");
            if (!status.equals("0000")) {
                throw new DecodeException("venue error message: status " + status + " " + root.path("resmsg").asText());
            }
            return Result.IGNORED;
        }
        String type = requireText(root, "type");
        if (!type.equals("transaction")) {
            throw new DecodeException("unknown type '" + type + "'");
        }
        JsonNode list = requireArray(requireObject(root, "content"), "list", "an array of transactions");
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            events.add(trade(frame, JsonFields.requireObjectAt(list, "list", i), "list[" + i + "]"));
        }
        return FrameDecoder.emitAll(out, events);
    }

    private MarketEvent trade(RawFrame frame, JsonNode t, String where) throws DecodeException {
        String symbol = requireText(t, "symbol");
        MarketEvent ev = MarketEvent.trade(feed, symbol, BithumbSymbols.BOTH_WAYS.decode(symbol), frame.receiveTimeNs);
        String time = requireText(t, "contDtm");
        try {
            LocalDateTime local = LocalDateTime.parse(time, KOREA_TIME);
            ev.exchangeTimeMs = local.toInstant(KST).toEpochMilli();
            ev.tradeId = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 9, 0), local);
        } catch (DateTimeParseException e) {
            throw new DecodeException("field '" + where + ".contDtm' is not a Korea time 'yyyy-MM-dd HH:mm:ss.SSSSSS': '"
                    + time + "'");
        }
        ev.price = requireDecimal(t, "contPrice");
        ev.size = requireDecimal(t, "contQty");
        ev.takerBuy = JsonFields.requireSide(t, "buySellGb", where, "2", "1");
        return EventChecks.requirePositiveTrade(ev, where, "contQty");
    }
}
