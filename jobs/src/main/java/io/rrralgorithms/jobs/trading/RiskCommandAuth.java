package io.rrralgorithms.jobs.trading;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated risk commands: HMAC-SHA256 over a canonical form of the command (version,
 * account, command, reason, signed time, nonce; each field length-prefixed, so no two commands
 * share a form). The key is shared by the job and whoever publishes commands ({@code rrr
 * risk-command}); it comes from a file or the environment variable {@value #KEY_ENV}, read where
 * it is used (the task manager), so it is never part of the job graph.
 */
public final class RiskCommandAuth {
    public static final String KEY_ENV = "RRR_RISK_HMAC_KEY";
    /** A shorter key is refused: HMAC-SHA256 wants at least 128 bits. */
    public static final int MIN_KEY_BYTES = 16;
    static final String VERSION = "rrr-risk-v1";

    private RiskCommandAuth() {}

    /**
     * Where the job's key comes from: {@code file} when set, else {@value #KEY_ENV}.
     *
     * @param file path of the key file on the task managers, or null
     */
    public record KeySource(String file) implements Serializable {
        public static KeySource environment() {
            return new KeySource(null);
        }

        /** The key, or null where none is configured; {@link IOException} for an unreadable or short key. */
        public byte[] resolve(Function<String, String> env) throws IOException {
            String text;
            if (file != null) {
                text = readKeyFile(Path.of(file));
            } else {
                text = env.apply(KEY_ENV);
                if (text == null || text.isEmpty()) {
                    return null;
                }
            }
            return checked(text, file != null ? file : KEY_ENV);
        }

        public String describe() {
            return file != null ? "key file " + file : "environment variable " + KEY_ENV;
        }
    }

    /** The key file's text, one trailing newline stripped. */
    public static String readKeyFile(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    public static byte[] checked(String key, String where) throws IOException {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length < MIN_KEY_BYTES) {
            throw new IOException("the risk command key (" + where + ") is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return k;
    }

    /** The bytes that are signed. */
    static byte[] canonical(String accountId, String command, String reason, long timestampMs, String nonce) {
        StringBuilder b = new StringBuilder(VERSION);
        for (String f : new String[] {accountId, command, reason == null ? "" : reason, Long.toString(timestampMs),
                nonce}) {
            b.append('|').append(f.length()).append(':').append(f);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex HMAC-SHA256 of the command's canonical form. */
    public static String sign(byte[] key, String accountId, RiskCommand.Kind command, String reason, long timestampMs,
            String nonce) {
        return HexFormat.of().formatHex(mac(key, canonical(accountId, command.name(), reason, timestampMs, nonce)));
    }

    /**
     * Why {@code c} must not apply, from the command alone (never from timing, so a replay refuses
     * the same commands), or null when it is authentic. Replay protection (a signed time after
     * the last accepted one) is the caller's: it needs state.
     *
     * @param key the job's key, or null where none is configured (every command is refused)
     */
    public static String refusal(RiskCommand c, byte[] key) {
        if (RiskCommand.ALL_ACCOUNTS.equals(c.accountId) && c.command == RiskCommand.Kind.ACTIVATE) {
            return "ACTIVATE for every account ('*') is refused: activate each account by name";
        }
        if (key == null) {
            return "no risk command key is configured on the job (" + KEY_ENV + " or --risk-hmac-key-file)";
        }
        if (c.signature == null || c.signature.isBlank()) {
            return "unsigned command";
        }
        if (c.signedTimeMs == null) {
            return "signed command without timestampMs";
        }
        if (c.nonce == null || c.nonce.isBlank()) {
            return "signed command without nonce";
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(c.signature.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "bad signature (not hex)";
        }
        byte[] expected = mac(key, canonical(c.accountId, c.command.name(), c.reason, c.signedTimeMs, c.nonce));
        if (!MessageDigest.isEqual(expected, given)) {
            return "bad signature (wrong key, or the command was altered)";
        }
        return null;
    }

    private static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
