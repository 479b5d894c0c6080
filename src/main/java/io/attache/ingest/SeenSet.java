package io.attache.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The feed items already published, one key a line in an append-only file, so that a restarted
 * poller publishes nothing old. Keys are added only after their articles were acknowledged.
 */
public final class SeenSet {

    private final Path file;
    private final Set<String> keys = new HashSet<>();

    public SeenSet(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                keys.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seen-set " + file, e);
        }
    }

    public boolean contains(String key) {
        return keys.contains(clean(key));
    }

    public void addAll(Collection<String> added) {
        List<String> fresh = added.stream().map(SeenSet::clean).filter(keys::add).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, fresh, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write seen-set " + file, e);
        }
    }

    public int size() {
        return keys.size();
    }

    private static String clean(String key) {
        return key.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
