package io.rrralgorithms.jobs.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The instructions of a Dockerfile (continuation lines joined, comments dropped). */
final class DockerFiles {
    private DockerFiles() {}

    record Instruction(String keyword, String args) {}

    static List<Instruction> instructions(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (cur.isEmpty() && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            if (t.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (t.endsWith("\\")) {
                cur.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            cur.append(t);
            String text = cur.toString().strip();
            cur.setLength(0);
            int sp = text.indexOf(' ');
            out.add(new Instruction(text.substring(0, sp).toUpperCase(), text.substring(sp + 1).strip()));
        }
        return out;
    }

    /** COPY/ADD arguments without options (--from=, --chown=): sources..., destination. */
    static List<List<String>> copies(Path dockerfile) {
        List<List<String>> out = new ArrayList<>();
        for (Instruction i : instructions(dockerfile)) {
            if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
                List<String> words = new ArrayList<>(List.of(i.args().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                out.add(words);
            }
        }
        return out;
    }

    static List<String> copyDestinations(Path dockerfile) {
        return copies(dockerfile).stream().map(w -> w.get(w.size() - 1)).toList();
    }

    /** COPY/ADD sources from the build context (not --from= another stage). */
    static List<String> contextSources(Path dockerfile) {
        List<String> out = new ArrayList<>();
        for (Instruction i : instructions(dockerfile)) {
            if ((i.keyword().equals("COPY") || i.keyword().equals("ADD")) && !i.args().contains("--from=")) {
                List<String> words = new ArrayList<>(List.of(i.args().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                out.addAll(words.subList(0, words.size() - 1));
            }
        }
        return out;
    }
}
