package io.attache.extract.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.attache.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the knowledge base in the format of topics/reference/README.md from the classpath (the jar carries
 * topics/ under {@code topics/}). A line that does not parse fails the load with its file and line number.
 */
public final class KbLoader {

    public static final String DEFAULT_ROOT = "topics/reference/";

    private KbLoader() {
    }

    /** The knowledge base packed into the jar. */
    public static KnowledgeBase standard() {
        return fromClasspath(DEFAULT_ROOT);
    }

    /** A knowledge base under {@code root} (ending in '/'); missing files count as empty. */
    public static KnowledgeBase fromClasspath(String root) {
        List<Person> people = new ArrayList<>();
        for (String f : listJsonl(root + "people/")) {
            people.addAll(read(f, Person.class));
        }
        return new KnowledgeBase(people, read(root + "places/countries.jsonl", Country.class),
                read(root + "places/cities.jsonl", City.class), read(root + "organisations.jsonl", Organisation.class));
    }

    /** Parses one JSON Lines resource; blank lines are allowed, anything else must be a {@code type}. */
    static <T> List<T> read(String resource, Class<T> type) {
        List<T> out = new ArrayList<>();
        InputStream in = KbLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Json.MAPPER.readValue(line, type));
                } catch (JsonProcessingException e) {
                    throw new KbFormatException(resource + ":" + n + ": not a " + type.getSimpleName() + ": "
                            + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }

    private static List<String> listJsonl(String dir) {
        URL url = KbLoader.class.getClassLoader().getResource(dir);
        List<String> files = new ArrayList<>();
        if (url == null) {
            return files;
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(dir) && name.endsWith(".jsonl") && name.indexOf('/', dir.length()) < 0) {
                        files.add(name);
                    }
                }
            } else {
                try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
                    s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".jsonl")).forEach(f -> files.add(dir + f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        files.sort(String::compareTo);
        return files;
    }

    /** A knowledge-base line that is not valid; the message starts with {@code file:line}. */
    public static final class KbFormatException extends RuntimeException {
        public KbFormatException(String message) {
            super(message);
        }
    }
}
