package io.rrralgorithms.jobs.trading.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Risk commands right behind the control source: only correctly signed ones pass; unsigned,
 * forged, altered, wildcard-ACTIVATE and replayed ones carry their refusal; the decision is the
 * same in a replay of the same records, also across a restore.
 */
class RiskCommandVerifierTest {
    static final byte[] KEY = "verifier test key, long enough".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    KeyedOneInputStreamOperatorTestHarness<String, RiskCommand, RiskCommand> harness(RiskCommandAuth.KeySource key,
            OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new RiskCommandVerifier(key)),
                c -> c.accountId, Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    RiskCommandAuth.KeySource keyFile() throws IOException {
        Path f = Files.writeString(tmp.resolve("key"), new String(KEY, StandardCharsets.UTF_8) + "\n");
        return new RiskCommandAuth.KeySource(f.toString());
    }

    static RiskCommand parse(byte[] json, long recordTimeMs) throws IOException {
        return RiskControl.parse(json, recordTimeMs);
    }

    static List<String> refusals(KeyedOneInputStreamOperatorTestHarness<String, RiskCommand, RiskCommand> h) {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                RiskCommand c = (RiskCommand) r.getValue();
                out.add(c.command + " " + c.accountId + " @" + c.timeMs + ": " + (c.refusal == null ? "ok" : c.refusal));
            }
        }
        return out;
    }

    static List<byte[]> script() {
        byte[] kill = RiskControl.signedJson(KEY, "a", RiskCommand.Kind.KILL, "test", 1_000, "n1");
        String altered = new String(RiskControl.signedJson(KEY, "a", RiskCommand.Kind.KILL, "test", 2_000, "n2"),
                StandardCharsets.UTF_8).replace("\"KILL\"", "\"ACTIVATE\"");
        return List.of(
                kill,
                RiskControl.toJson("a", RiskCommand.Kind.ACTIVATE, "unsigned"),
                RiskControl.signedJson("someone else's key, long enough".getBytes(StandardCharsets.UTF_8), "a",
                        RiskCommand.Kind.ACTIVATE, "forged", 3_000, "n3"),
                altered.getBytes(StandardCharsets.UTF_8),
                RiskControl.signedJson(KEY, "*", RiskCommand.Kind.ACTIVATE, "everyone", 4_000, "n4"),
                kill, // replayed
                RiskControl.signedJson(KEY, "a", RiskCommand.Kind.ACTIVATE, "lift", 900, "n5"), // older than the kill
                RiskControl.signedJson(KEY, "*", RiskCommand.Kind.KILL, "everyone", 5_000, "n6"),
                RiskControl.signedJson(KEY, "a", RiskCommand.Kind.ACTIVATE, "lift", 6_000, "n7"));
    }

    static final List<String> EXPECTED = List.of(
            "KILL a @1000: ok",
            "ACTIVATE a @10001: unsigned command",
            "ACTIVATE a @10002: bad signature (wrong key, or the command was altered)",
            "ACTIVATE a @10003: bad signature (wrong key, or the command was altered)",
            "ACTIVATE * @10004: ACTIVATE for every account ('*') is refused: activate each account by name",
            "KILL a @10005: replayed or out of order: signed at 1000, not after the last accepted command of a (1000)",
            "ACTIVATE a @10006: replayed or out of order: signed at 900, not after the last accepted command of a (1000)",
            "KILL * @5000: ok",
            "ACTIVATE a @6000: ok");

    @Test
    void onlyAuthenticFreshCommandsPass() throws Exception {
        try (var h = harness(keyFile(), null)) {
            List<byte[]> s = script();
            for (int i = 0; i < s.size(); i++) {
                h.processElement(new StreamRecord<>(parse(s.get(i), 10_000 + i)));
            }
            assertEquals(EXPECTED, refusals(h));
        }
    }

    /** The same records give the same decisions after a restore mid-way (the last accepted times are state). */
    @Test
    void theSameDecisionsAcrossARestore() throws Exception {
        List<byte[]> s = script();
        OperatorSubtaskState snapshot;
        List<String> first;
        try (var h = harness(keyFile(), null)) {
            for (int i = 0; i < 3; i++) {
                h.processElement(new StreamRecord<>(parse(s.get(i), 10_000 + i)));
            }
            first = refusals(h);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(keyFile(), snapshot)) {
            for (int i = 3; i < s.size(); i++) {
                h.processElement(new StreamRecord<>(parse(s.get(i), 10_000 + i)));
            }
            List<String> all = new ArrayList<>(first);
            all.addAll(refusals(h));
            assertEquals(EXPECTED, all);
        }
    }

    @Test
    void withoutAKeyEveryCommandIsRefused() throws Exception {
        try (var h = harness(new RiskCommandAuth.KeySource(tmp.resolve("missing-key").toString()), null)) {
            h.processElement(new StreamRecord<>(parse(script().get(0), 10_000)));
            String r = refusals(h).get(0);
            assertTrue(r.startsWith("KILL a @10000: the risk command key cannot be read (key file "), r);
        }
        RiskCommand good = parse(script().get(0), 10_000);
        assertNull(RiskCommandAuth.refusal(good, KEY));
        assertTrue(RiskCommandAuth.refusal(good, null).startsWith("no risk command key is configured"));
    }

    @Test
    void theKeyComesFromTheFileElseTheEnvironment() throws Exception {
        assertEquals(new String(KEY, StandardCharsets.UTF_8), new String(keyFile().resolve(Map.<String, String>of()::get),
                StandardCharsets.UTF_8), "file, trailing newline stripped");
        assertEquals("from the environment, 16+", new String(RiskCommandAuth.KeySource.environment()
                .resolve(Map.of(RiskCommandAuth.KEY_ENV, "from the environment, 16+")::get), StandardCharsets.UTF_8));
        assertNull(RiskCommandAuth.KeySource.environment().resolve(Map.<String, String>of()::get));
        try {
            RiskCommandAuth.KeySource.environment().resolve(Map.of(RiskCommandAuth.KEY_ENV, "short")::get);
            throw new AssertionError("a short key must be refused");
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("shorter than 16 bytes"), e.getMessage());
        }
    }
}
