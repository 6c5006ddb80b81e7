package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import io.rrralgorithms.jobs.trading.flink.RiskControl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Signs a risk command (kill switch, manual state) and publishes it on the risk control topic. */
@Command(name = "risk-command", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
        defaultValueProvider = ConfigDefaults.class,
        description = {"Sign a risk command with the shared HMAC key and publish it on the risk control topic: running "
                + "trading jobs apply it at its time (KILL: cancel every open order and halt; HALT; REDUCE; ACTIVATE).",
                "The key: --risk-hmac-key-file FILE or the environment variable " + RiskCommandAuth.KEY_ENV
                        + ", the same as the job's."})
public class RiskCommandCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers")
    String bootstrapServers;

    @Option(names = "--account", required = true, description = "paper account id; '*' = every account (not for "
            + "ACTIVATE)")
    String account;

    @Option(names = "--command", required = true, description = "KILL, HALT, REDUCE or ACTIVATE")
    RiskCommand.Kind command;

    @Option(names = "--reason", description = "why, recorded with the risk event")
    String reason;

    @Option(names = "--at", description = "event time it applies at: epoch ms or an ISO-8601 instant (unset: now); "
            + "signed, and it must be later than the account's last accepted command")
    String at;

    @Option(names = "--risk-control-topic", descriptionKey = "rrr.risk.control-topic")
    String topic;

    @Option(names = "--risk-hmac-key-file", paramLabel = "FILE", description = "the signing key (unset: the "
            + "environment variable " + RiskCommandAuth.KEY_ENV + ")")
    Path keyFile;

    @Mixin
    KafkaOptions kafka;

    /** Where environment variables come from (tests replace it). */
    Function<String, String> env = System::getenv;

    @Override
    public Integer call() throws IOException {
        if (RiskCommand.ALL_ACCOUNTS.equals(account) && command == RiskCommand.Kind.ACTIVATE) {
            throw UserError.usage("ACTIVATE for every account ('*') is refused by the job: activate each account by name");
        }
        if (account.isBlank()) {
            throw UserError.usage("--account is empty");
        }
        byte[] key;
        try {
            key = new RiskCommandAuth.KeySource(keyFile == null ? null : keyFile.toString()).resolve(env);
        } catch (IOException e) {
            throw UserError.usage(e.getMessage() != null && e.getMessage().contains("shorter") ? e.getMessage()
                    : "cannot read --risk-hmac-key-file " + keyFile + " (" + e.getClass().getSimpleName() + ")");
        }
        if (key == null) {
            throw UserError.usage("no signing key: give --risk-hmac-key-file FILE or set " + RiskCommandAuth.KEY_ENV
                    + " (the job refuses unsigned commands)");
        }
        long timeMs = at == null ? System.currentTimeMillis() : parseTime(at);
        RiskControl.publish(bootstrapServers, kafka.properties(), topic, key, account, command, reason, timeMs);
        System.out.println("published " + command + " for " + account + " at " + Instant.ofEpochMilli(timeMs) + " on "
                + topic + " (signed)");
        return ExitCodes.OK;
    }

    private static long parseTime(String t) {
        try {
            return t.chars().allMatch(Character::isDigit) ? Long.parseLong(t) : Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw UserError.usage("bad --at '" + t + "': epoch milliseconds or an ISO-8601 instant such as "
                    + "2024-08-09T00:00:00Z");
        }
    }
}
