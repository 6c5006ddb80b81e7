package io.rrralgorithms.jobs.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.Formatter;
import org.apache.flink.configuration.description.TextElement;

/**
 * Every setting of the job ({@link JobConfigOptions}, {@link LatencyConfigOptions}, {@link DecisionConfigOptions},
 * {@link ScoringConfigOptions},
 * {@link TradingConfigOptions}) by key, with its description and default as plain text: what the
 * command line shows and the generated reference lists.
 */
public final class ConfigCatalog {
    private static final List<Class<?>> HOLDERS = List.of(JobConfigOptions.class, LatencyConfigOptions.class,
            ScoringConfigOptions.class, TradingConfigOptions.class, DecisionConfigOptions.class);
    private static final Map<String, ConfigOption<?>> BY_KEY = collect();

    private ConfigCatalog() {}

    /** In declaration order, holder by holder. */
    public static Collection<ConfigOption<?>> all() {
        return BY_KEY.values();
    }

    public static Optional<ConfigOption<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The description as one line of plain text. */
    public static String description(ConfigOption<?> option) {
        return new PlainText().format(option.description());
    }

    /**
     * The default as a command-line value ({@code a,b} for lists, {@code k=v,k2=v2} for maps, sorted
     * by key); empty where the option has none.
     */
    public static Optional<String> defaultValue(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return Optional.empty();
        }
        return Optional.of(commandLineValue(option.defaultValue()));
    }

    /** A command-line value (as picocli holds it) in the form a Flink {@code Configuration} parses. */
    public static String configurationValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    private static String commandLineValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static Map<String, ConfigOption<?>> collect() {
        Map<String, ConfigOption<?>> out = new LinkedHashMap<>();
        for (Class<?> holder : HOLDERS) {
            for (Field f : holder.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    try {
                        ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                        if (out.put(option.key(), option) != null) {
                            throw new IllegalStateException("configuration key declared twice: " + option.key());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** Flink's descriptions as plain text (its own formatters write HTML or Markdown tables). */
    private static final class PlainText extends Formatter {
        @Override
        protected void formatLink(StringBuilder state, String link, String description) {
            state.append(description).append(" (").append(link).append(')');
        }

        @Override
        protected void formatLineBreak(StringBuilder state) {
            state.append(' ');
        }

        @Override
        protected void formatText(StringBuilder state, String format, String[] elements,
                EnumSet<TextElement.TextStyle> styles) {
            state.append(elements.length == 0 ? format : String.format(format, (Object[]) elements));
        }

        @Override
        protected void formatList(StringBuilder state, String[] entries) {
            state.append(String.join("; ", entries));
        }

        @Override
        protected Formatter newInstance() {
            return new PlainText();
        }
    }
}
