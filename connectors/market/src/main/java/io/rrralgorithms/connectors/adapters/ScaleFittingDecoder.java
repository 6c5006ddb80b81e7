package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.instruments.InstrumentFrames;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gives every frame the scale its numbers need: a frame is decoded at the default scale
 * ({@link Decimals#SCALE}); when one of its numbers does not fit it (finer digits such as KuCoin's
 * 1e-10 ticks, or a value too large for 8 decimals in a long such as FMFW's asks at
 * 99999999999999) the frame is decoded again at a scale that holds every number of the frame, and
 * each of its events then carries the smallest scales, down to the default, at which its prices
 * and its sizes are exact ({@code MarketEvent.priceScale/sizeScale}). A frame that no single long
 * scale holds (about 19 significant digits between its largest and its finest number) is a dead
 * letter that says so; nothing is ever rounded.
 *
 * <p>Wraps each venue's decoder ({@code Venue.decoder()}), so that the job, the benchmarks and the
 * tests decode alike; for the same reason it reads the instrument frames every feed may carry
 * ({@link InstrumentFrames}) before the venue's decoder would see them. Events are emitted only once the frame decoded at its final scale. Not
 * thread-safe (one buffer): one instance per {@code Venue.decoder()} call.
 */
public final class ScaleFittingDecoder implements FrameDecoder {
    private static final long serialVersionUID = 1L;
    /** Decodes of one frame at other scales before it is given up (each attempt narrows the range). */
    private static final int MAX_ATTEMPTS = Decimals.MAX_SCALE + 2;

    private final FrameDecoder decoder;
    private transient List<MarketEvent> buffer;
    /** {@code buffer::add}, made once (not per frame). */
    private transient Consumer<MarketEvent> collect;

    public ScaleFittingDecoder(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    /** The venue's own decoder. */
    public FrameDecoder inner() {
        return decoder;
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        if (frame.kind == FrameKind.INSTRUMENT) {
            return InstrumentFrames.decode(frame, out); // the replay's normalized metadata, alike for every venue
        }
        if (buffer == null) {
            buffer = new ArrayList<>(4);
            collect = buffer::add;
        }
        try { // the buffer is empty: cleared after every frame
            Result result;
            try {
                result = decoder.decode(frame, collect);
            } catch (DecodeException e) {
                result = decodeAtFittingScale(frame, e);
            }
            for (int i = 0; i < buffer.size(); i++) {
                out.accept(buffer.get(i));
            }
            return result;
        } finally {
            buffer.clear();
        }
    }

    private Result decodeAtFittingScale(RawFrame frame, DecodeException first) throws DecodeException {
        Decimals.ScaleException misfit = scaleCause(first);
        if (misfit == null) {
            throw first;
        }
        int min = misfit.minScale;
        int max = misfit.maxScale;
        DecodeException last = first;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && min <= max; attempt++) {
            buffer.clear();
            int scale = min;
            Result[] result = new Result[1];
            try {
                Decimals.atScale(scale, () -> result[0] = decoder.decode(frame, collect));
                for (int i = 0; i < buffer.size(); i++) {
                    narrowScales(buffer.get(i), scale);
                }
                return result[0];
            } catch (DecodeException again) {
                misfit = scaleCause(again);
                if (misfit == null) {
                    throw again;
                }
                last = again;
                min = Math.max(min, misfit.minScale);
                max = Math.min(max, misfit.maxScale);
            }
        }
        buffer.clear();
        // no ScaleException as the cause: an enclosing decoder must not try again
        throw new DecodeException(last.getMessage() + "; no scale of a long mantissa holds every number of the "
                + "frame");
    }

    private static Decimals.ScaleException scaleCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Decimals.ScaleException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * An event decoded at {@code scale}: its prices and its sizes at the smallest scales, down to
     * the default one, at which each is exact, so that an instrument's events mostly keep one scale.
     */
    static void narrowScales(MarketEvent ev, int scale) {
        int floor = Math.min(scale, Decimals.SCALE);
        // a DERIVATIVES event's absent fields are 0: exact at every scale
        int ps = Decimals.smallestExactScale(scale, floor, ev.bidPrices, ev.askPrices,
                new long[] {ev.price, ev.markPrice, ev.indexPrice, ev.fundingRate});
        int ss = Decimals.smallestExactScale(scale, floor, ev.bidSizes, ev.askSizes, new long[] {ev.size, ev.openInterest});
        rescale(ev.bidPrices, scale, ps);
        rescale(ev.askPrices, scale, ps);
        ev.price = Decimals.rescale(ev.price, scale, ps);
        ev.markPrice = Decimals.rescale(ev.markPrice, scale, ps);
        ev.indexPrice = Decimals.rescale(ev.indexPrice, scale, ps);
        ev.fundingRate = Decimals.rescale(ev.fundingRate, scale, ps);
        ev.openInterest = Decimals.rescale(ev.openInterest, scale, ss);
        rescale(ev.bidSizes, scale, ss);
        rescale(ev.askSizes, scale, ss);
        ev.size = Decimals.rescale(ev.size, scale, ss);
        ev.priceScale = ps;
        ev.sizeScale = ss;
    }

    private static void rescale(long[] values, int from, int to) {
        if (values != null && values != MarketEvent.NO_LEVELS) {
            Decimals.rescale(values, values.length, from, to);
        }
    }
}
