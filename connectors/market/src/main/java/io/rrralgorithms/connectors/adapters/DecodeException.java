package io.rrralgorithms.connectors.adapters;

/** A frame the decoder cannot use; the message is the dead-letter reason. */
public class DecodeException extends Exception {
    public DecodeException(String reason) {
        super(reason);
    }

    public DecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
