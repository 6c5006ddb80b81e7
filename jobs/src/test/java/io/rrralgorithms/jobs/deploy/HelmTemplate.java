package io.rrralgorithms.jobs.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the subset of Helm's Go templates that {@code helm/rrr/templates} uses, as {@code helm
 * template} would: value references ({@code .Values.a.b}, {@code .Release.Name}), {@code if} /
 * {@code else} / {@code end}, the functions {@code not}, {@code and}, {@code or}, {@code eq},
 * {@code ne}, {@code quote} (also as {@code | quote}), {@code indent N}, {@code .Files.Get "path"}
 * (a file of the chart: the root's {@code Files} entry is the chart's folder, as a {@link Path}),
 * and the whitespace trims {@code {{-} and {@code -}}}. Anything else is an error, so a template cannot use a construct this renderer does
 * not know. Stricter than Helm in one way: a missing value is an error (Helm renders it empty).
 *
 * <p>Numbers print as Helm prints them: values are float64 in Helm, and Go's {@code %v} writes
 * 1000000 as {@code 1e+06}.
 */
final class HelmTemplate {
    private sealed interface Node permits Text, Action, If {}

    private record Text(String text) implements Node {}

    private record Action(String expr) implements Node {}

    private record If(String cond, List<Node> then, List<Node> otherwise) implements Node {}

    private final List<Node> nodes;

    private HelmTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    static String render(String template, Map<String, Object> root) {
        return parse(template).render(root);
    }

    static HelmTemplate parse(String template) {
        List<Object> tokens = tokenize(template);
        int[] pos = {0};
        List<Node> nodes = parseBlock(tokens, pos, false);
        if (pos[0] != tokens.size()) {
            throw new IllegalArgumentException("unexpected {{ " + tokens.get(pos[0]) + " }}");
        }
        return new HelmTemplate(nodes);
    }

    String render(Map<String, Object> root) {
        StringBuilder out = new StringBuilder();
        render(nodes, root, out);
        return out.toString();
    }

    // --- tokens: String = text, String[] {expr} = action --------------------------------------

    private static List<Object> tokenize(String t) {
        List<Object> tokens = new ArrayList<>();
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < t.length()) {
            int open = t.indexOf("{{", i);
            if (open < 0) {
                text.append(t, i, t.length());
                break;
            }
            text.append(t, i, open);
            int close = t.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed {{ at offset " + open);
            }
            String inner = t.substring(open + 2, close);
            boolean trimLeft = inner.startsWith("- ");
            boolean trimRight = inner.endsWith(" -");
            if (inner.startsWith("-") && !trimLeft || inner.endsWith("-") && !trimRight) {
                throw new IllegalArgumentException("a trim marker needs a space: {{" + inner + "}}");
            }
            if (trimLeft) {
                inner = inner.substring(2);
                int end = text.length();
                while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                text.setLength(end);
            }
            if (trimRight) {
                inner = inner.substring(0, inner.length() - 2);
            }
            tokens.add(text.toString());
            text.setLength(0);
            tokens.add(new String[] {inner.trim()});
            i = close + 2;
            if (trimRight) {
                while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                    i++;
                }
            }
        }
        tokens.add(text.toString());
        return tokens;
    }

    private static List<Node> parseBlock(List<Object> tokens, int[] pos, boolean inIf) {
        List<Node> nodes = new ArrayList<>();
        while (pos[0] < tokens.size()) {
            Object tok = tokens.get(pos[0]);
            if (tok instanceof String s) {
                if (!s.isEmpty()) {
                    nodes.add(new Text(s));
                }
                pos[0]++;
                continue;
            }
            String expr = ((String[]) tok)[0];
            if (expr.equals("end") || expr.equals("else")) {
                if (!inIf) {
                    throw new IllegalArgumentException("{{ " + expr + " }} without {{ if }}");
                }
                return nodes;
            }
            pos[0]++;
            if (expr.startsWith("if ")) {
                List<Node> then = parseBlock(tokens, pos, true);
                List<Node> otherwise = List.of();
                if (pos[0] >= tokens.size()) {
                    throw new IllegalArgumentException("{{ if " + expr + " }} without {{ end }}");
                }
                if (((String[]) tokens.get(pos[0]))[0].equals("else")) {
                    pos[0]++;
                    otherwise = parseBlock(tokens, pos, true);
                    if (pos[0] >= tokens.size() || !((String[]) tokens.get(pos[0]))[0].equals("end")) {
                        throw new IllegalArgumentException("{{ else }} without {{ end }}");
                    }
                }
                pos[0]++; // end
                nodes.add(new If(expr.substring(3).trim(), then, otherwise));
            } else if (expr.matches("(range|with|define|template|include|block|else if)\\b.*") || expr.startsWith("/*")) {
                throw new IllegalArgumentException("not supported by this renderer: {{ " + expr + " }}");
            } else {
                nodes.add(new Action(expr));
            }
        }
        if (inIf) {
            throw new IllegalArgumentException("{{ if }} without {{ end }}");
        }
        return nodes;
    }

    private static void render(List<Node> nodes, Map<String, Object> root, StringBuilder out) {
        for (Node n : nodes) {
            if (n instanceof Text t) {
                out.append(t.text());
            } else if (n instanceof Action a) {
                out.append(print(eval(a.expr(), root)));
            } else if (n instanceof If f) {
                render(truthy(eval(f.cond(), root)) ? f.then() : f.otherwise(), root, out);
            }
        }
    }

    // --- expressions -------------------------------------------------------------------------

    private static Object eval(String expr, Map<String, Object> root) {
        String[] stages = expr.split("\\|");
        Object value = command(stages[0].trim(), null, root);
        for (int i = 1; i < stages.length; i++) {
            value = command(stages[i].trim(), value, root);
        }
        return value;
    }

    /** One command of a pipeline; {@code piped} is the previous stage's value (null for the first). */
    private static Object command(String cmd, Object piped, Map<String, Object> root) {
        List<String> words = words(cmd);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command in {{ }}");
        }
        String head = words.get(0);
        List<Object> args = new ArrayList<>();
        for (String w : words.subList(1, words.size())) {
            args.add(term(w, root));
        }
        if (piped != null) {
            args.add(piped);
        }
        switch (head) {
            case "not":
                return !truthy(single(head, args));
            case "and": {
                Object last = null;
                for (Object a : atLeastOne(head, args)) {
                    last = a;
                    if (!truthy(a)) {
                        return a;
                    }
                }
                return last;
            }
            case "or": {
                Object last = null;
                for (Object a : atLeastOne(head, args)) {
                    last = a;
                    if (truthy(a)) {
                        return a;
                    }
                }
                return last;
            }
            case "eq":
                return two(head, args) && same(args.get(0), args.get(1));
            case "ne":
                return two(head, args) && !same(args.get(0), args.get(1));
            case ".Files.Get": {
                if (!(root.get("Files") instanceof Path chart)) {
                    throw new IllegalArgumentException(".Files.Get needs the chart's folder as the root's Files entry");
                }
                Path file = chart.resolve(String.valueOf(single(head, args))).normalize();
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("a file of the chart: " + e.getMessage(), e);
                }
            }
            case "indent": {
                if (args.size() != 2 || !(args.get(0) instanceof Long n)) {
                    throw new IllegalArgumentException("indent takes a width and a string: " + cmd);
                }
                String pad = " ".repeat(n.intValue());
                return pad + print(args.get(1)).replace("\n", "\n" + pad);
            }
            case "quote":
                return "\"" + print(single(head, args)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default:
                if (words.size() == 1 && piped == null) {
                    return term(head, root);
                }
                throw new IllegalArgumentException("function not supported by this renderer: " + head);
        }
    }

    private static Object single(String fn, List<Object> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(fn + " takes one argument, got " + args.size());
        }
        return args.get(0);
    }

    private static List<Object> atLeastOne(String fn, List<Object> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(fn + " needs arguments");
        }
        return args;
    }

    private static boolean two(String fn, List<Object> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException(fn + " takes two arguments, got " + args.size());
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    private static List<String> words(String cmd) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < cmd.length()) {
            char c = cmd.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = cmd.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed string in " + cmd);
                }
                words.add(cmd.substring(i, end + 1));
                i = end + 1;
            } else if (c == '(' || c == ')') {
                throw new IllegalArgumentException("parentheses not supported by this renderer: " + cmd);
            } else {
                int end = i;
                while (end < cmd.length() && !Character.isWhitespace(cmd.charAt(end))) {
                    end++;
                }
                words.add(cmd.substring(i, end));
                i = end;
            }
        }
        return words;
    }

    private static Object term(String w, Map<String, Object> root) {
        if (w.startsWith("\"")) {
            return w.substring(1, w.length() - 1);
        }
        if (w.matches("-?\\d+")) {
            return Long.parseLong(w);
        }
        if (w.equals("true") || w.equals("false")) {
            return Boolean.parseBoolean(w);
        }
        if (!w.startsWith(".")) {
            throw new IllegalArgumentException("not supported by this renderer: " + w);
        }
        Object cur = root;
        StringBuilder path = new StringBuilder();
        for (String key : w.substring(1).split("\\.")) {
            path.append('.').append(key);
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(key)) {
                throw new IllegalArgumentException("no value at " + path + " (a typo in the template, or a key "
                        + "missing from values.yaml)");
            }
            cur = m.get(key);
        }
        return cur;
    }

    /** Go template truthiness: false, 0, nil and empty strings, lists and maps are false. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** Go's {@code %v} of a Helm value (numbers are float64 there). */
    static String print(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("a null value would print as <no value>");
        }
        if (v instanceof Number n) {
            return goFloat(n.doubleValue());
        }
        if (v instanceof Map || v instanceof List) {
            throw new IllegalArgumentException("printing a map or list needs toYaml, not supported: " + v);
        }
        return v.toString();
    }

    /**
     * fmt's {@code %v} of a float64: strconv's shortest {@code 'g'} form, which switches to the
     * exponent form when the decimal exponent is below -4 or at least 6 (1e+06, 1.5e+07).
     */
    static String goFloat(double f) {
        if (f == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(f)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 6) {
            String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
            String e = String.format("%02d", Math.abs(exp));
            return (f < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + e;
        }
        return bd.toPlainString();
    }
}
