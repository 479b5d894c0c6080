package io.attache.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;

/**
 * Turns files, folders, glob patterns and stdin into a lazy stream of {@link ReadResult}s, without
 * Kafka: JSON Lines ({@code .jsonl}, {@code .ndjson}), one JSON article ({@code .json}), plain text
 * ({@code .txt}, first line the title) and HTML pages ({@code .html}, {@code .htm}). Every bad input
 * becomes a rejection naming {@code file:line}; nothing stops the stream.
 */
public final class ArticleReader {

    /** How a file is read, by extension; files named explicitly with another extension are sniffed. */
    enum Format { JSON_LINES, JSON, TEXT, HTML }

    /** What the command line named: files to read in order, whether stdin is one, and what was not found. */
    public record Inputs(List<Path> files, boolean stdin, List<ReadResult.Rejected> missing, int ignored) {

        /** Bytes to read from files, for progress; stdin is not counted. */
        public long totalBytes() {
            long total = 0;
            for (Path f : files) {
                try {
                    total += Files.size(f);
                } catch (IOException e) {
                    // reported when the file is read
                }
            }
            return total;
        }
    }

    private static final String STDIN = "-";
    private static final int SNIFF_BYTES = 8192;

    private final ArticleCheck check;
    private final int maxArticleBytes;
    private final boolean recursive;
    private final boolean titleLine;

    /**
     * @param recursive descend into sub-folders of named folders
     * @param titleLine take the first line of a plain-text article as its title
     */
    public ArticleReader(ArticleCheck check, int maxArticleBytes, boolean recursive, boolean titleLine) {
        this.check = check;
        this.maxArticleBytes = maxArticleBytes;
        this.recursive = recursive;
        this.titleLine = titleLine;
    }

    /** Resolves the command line's inputs: {@code -} is stdin, folders are listed, globs are matched. */
    public Inputs expand(List<String> args) {
        List<Path> files = new ArrayList<>();
        List<ReadResult.Rejected> missing = new ArrayList<>();
        boolean stdin = false;
        int ignored = 0;
        for (String arg : args) {
            if (arg.equals(STDIN)) {
                stdin = true;
                continue;
            }
            Path p = isGlob(arg) ? null : Path.of(arg);
            if (p != null && Files.isRegularFile(p)) {
                files.add(p);
                continue;
            }
            if (p != null && !Files.isDirectory(p)) {
                missing.add(new ReadResult.Rejected(arg, "NOT_FOUND", "no such file or folder"));
                continue;
            }
            List<Path> candidates;
            try {
                candidates = p == null ? glob(arg) : list(p, recursive ? Integer.MAX_VALUE : 1, q -> true);
            } catch (UncheckedIOException e) {
                missing.add(new ReadResult.Rejected(arg, "UNREADABLE", String.valueOf(e.getCause().getMessage())));
                continue;
            }
            if (candidates.isEmpty() && p == null) {
                missing.add(new ReadResult.Rejected(arg, "NOT_FOUND", "no file matches the pattern"));
            }
            for (Path c : candidates) {
                if (byExtension(c) == null) {
                    ignored++;
                } else {
                    files.add(c);
                }
            }
        }
        return new Inputs(List.copyOf(files), stdin, List.copyOf(missing), ignored);
    }

    /** Everything the inputs hold, read lazily in order; {@code progress} receives the file bytes consumed. */
    public Stream<ReadResult> read(Inputs inputs, InputStream stdin, LongConsumer progress) {
        Stream<ReadResult> files = inputs.files().stream().flatMap(f -> read(f, progress));
        Stream<ReadResult> all = Stream.concat(inputs.missing().stream(), files);
        // stdin is opened only when its turn comes, after the files
        return inputs.stdin() ? Stream.concat(all, Stream.of("stdin").flatMap(n -> read(n, stdin))) : all;
    }

    /** One file in the format its extension (or, failing that, its first byte) names. */
    public Stream<ReadResult> read(Path file, LongConsumer progress) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            byte[] head = sniff(file);
            int nul = indexOf(head, (byte) 0);
            if (nul >= 0) {
                progress.accept(size);
                return Stream.of(new ReadResult.Rejected(name + ":" + lineOf(head, nul), "BINARY",
                        "file holds NUL bytes; not text"));
            }
            Format format = byExtension(file);
            if (format == null) {
                format = sniffFormat(head);
            }
            if (format == Format.JSON_LINES) {
                InputStream in = Files.newInputStream(file);
                return jsonLines(name, new Lines(in, maxArticleBytes), progress).onClose(() -> closeQuietly(in));
            }
            progress.accept(size);
            if (size > 8L * maxArticleBytes) {
                return Stream.of(new ReadResult.Rejected(name + ":1", "TOO_LARGE",
                        size + " bytes is far beyond the article limit of " + maxArticleBytes));
            }
            byte[] content = Files.readAllBytes(file);
            if (new String(content, StandardCharsets.ISO_8859_1).isBlank()) {
                return Stream.of(empty(name));
            }
            return Stream.of(switch (format) {
                case JSON -> check.parse(name + ":1", content);
                case TEXT -> text(name + ":1", content);
                case HTML -> check.article(name + ":1", HtmlArticle.of(
                        Jsoup.parse(new ByteArrayInputStream(content), null, "")).toArticle());
                case JSON_LINES -> throw new IllegalStateException("read line by line above");
            });
        } catch (IOException | UncheckedIOException e) {
            return Stream.of(new ReadResult.Rejected(name, "UNREADABLE", String.valueOf(e.getMessage())));
        }
    }

    /**
     * A stream of JSON Lines or of plain-text articles separated by blank lines; the first non-blank
     * line decides which (a {@code {} starts JSON Lines), so that a live pipe is read as it arrives.
     */
    public Stream<ReadResult> read(String name, InputStream in) {
        Lines lines = new Lines(in, maxArticleBytes);
        List<Lines.Line> leading = new ArrayList<>();
        while (lines.hasNext()) {
            Lines.Line l = lines.next();
            leading.add(l);
            if (!l.blank()) {
                break;
            }
        }
        Lines.Line first = leading.isEmpty() ? null : leading.get(leading.size() - 1);
        if (first == null || first.blank()) {
            return Stream.empty();
        }
        Iterator<Lines.Line> all = concat(leading.iterator(), lines);
        boolean json = first.bytes() != null && firstNonSpace(first.bytes()) == '{';
        return json ? jsonLines(name, all, n -> { }) : textBlocks(name, all);
    }

    private Stream<ReadResult> jsonLines(String name, Iterator<Lines.Line> lines, LongConsumer progress) {
        return Lookahead.stream(new Supplier<>() {
            private boolean any;
            private boolean done;

            @Override
            public ReadResult get() {
                try {
                    while (!done && lines.hasNext()) {
                        Lines.Line l = lines.next();
                        progress.accept(l.length());
                        if (l.blank()) {
                            continue;
                        }
                        any = true;
                        String origin = name + ":" + l.number();
                        if (l.bytes() == null) {
                            return tooLarge(origin, l);
                        }
                        if (firstNonSpace(l.bytes()) != '{') {
                            return new ReadResult.Rejected(origin, ArticleContract.Reason.INVALID_JSON.name(),
                                    "a JSON Lines line must be one JSON object");
                        }
                        return check.parse(origin, l.bytes());
                    }
                    boolean first = !done;
                    done = true;
                    return first && !any ? empty(name) : null;
                } catch (UncheckedIOException e) {
                    done = true;
                    return unreadable(name, e);
                }
            }
        });
    }

    private Stream<ReadResult> textBlocks(String name, Iterator<Lines.Line> lines) {
        return Lookahead.stream(() -> {
            try {
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                int start = 0;
                while (lines.hasNext()) {
                    Lines.Line l = lines.next();
                    if (l.blank()) {
                        if (start > 0) {
                            break;
                        }
                        continue;
                    }
                    if (start == 0) {
                        start = l.number();
                    }
                    if (l.bytes() == null) {
                        return tooLarge(name + ":" + l.number(), l);
                    }
                    block.writeBytes(l.bytes());
                    block.write('\n');
                }
                return start > 0 ? text(name + ":" + start, block.toByteArray()) : null;
            } catch (UncheckedIOException e) {
                return unreadable(name, e);
            }
        });
    }

    private ReadResult tooLarge(String origin, Lines.Line l) {
        return new ReadResult.Rejected(origin, ArticleContract.Reason.TOO_LARGE.name(),
                "line of " + l.length() + " bytes exceeds the limit of " + maxArticleBytes);
    }

    private static ReadResult unreadable(String name, UncheckedIOException e) {
        return new ReadResult.Rejected(name, "UNREADABLE", String.valueOf(e.getCause().getMessage()));
    }

    /** A lazy stream of the results a supplier yields until it yields null. */
    private static final class Lookahead implements Iterator<ReadResult> {
        private final Supplier<ReadResult> source;
        private ReadResult next;
        private boolean ended;

        private Lookahead(Supplier<ReadResult> source) {
            this.source = source;
        }

        static Stream<ReadResult> stream(Supplier<ReadResult> source) {
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Lookahead(source), Spliterator.ORDERED), false);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                next = source.get();
                ended = next == null;
            }
            return next != null;
        }

        @Override
        public ReadResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadResult r = next;
            next = null;
            return r;
        }
    }

    /** A plain-text article; its first line is the title when there are further lines and titles are on. */
    private ReadResult text(String origin, byte[] content) {
        String s;
        try {
            s = ArticleContract.decode(content).strip();
        } catch (ArticleContract.Rejected e) {
            return ArticleCheck.rejected(origin, e);
        }
        String title = null;
        int nl = s.indexOf('\n');
        if (titleLine && nl > 0) {
            title = s.substring(0, nl).strip();
            s = s.substring(nl + 1).strip();
        }
        return check.article(origin, new Article(null, null, null, null, title, s, null, null));
    }

    private static ReadResult.Rejected empty(String name) {
        return new ReadResult.Rejected(name + ":1", ArticleContract.Reason.EMPTY.name(), "file holds no article");
    }

    static Format byExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return switch (dot < 0 ? "" : n.substring(dot + 1)) {
            case "jsonl", "ndjson" -> Format.JSON_LINES;
            case "json" -> Format.JSON;
            case "txt", "text" -> Format.TEXT;
            case "html", "htm" -> Format.HTML;
            default -> null;
        };
    }

    private static Format sniffFormat(byte[] head) {
        return switch (firstNonSpace(head)) {
            case '{' -> Format.JSON_LINES;
            case '<' -> Format.HTML;
            default -> Format.TEXT;
        };
    }

    private static boolean isGlob(String arg) {
        return arg.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Files matching a glob; the walk starts at the pattern's last folder before any wildcard. */
    private List<Path> glob(String pattern) {
        String p = pattern.replace('\\', '/');
        int wildcard = 0;
        while (wildcard < p.length() && "*?[{".indexOf(p.charAt(wildcard)) < 0) {
            wildcard++;
        }
        int slash = p.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of("") : Path.of(p.substring(0, Math.max(slash, 1)));
        boolean deep = recursive || p.indexOf('/', wildcard) >= 0 || p.contains("**");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return list(base.toString().isEmpty() ? Path.of(".") : base, deep ? Integer.MAX_VALUE : 1,
                f -> matcher.matches(base.toString().isEmpty() ? Path.of(".").relativize(f) : f));
    }

    private static List<Path> list(Path dir, int depth, Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int firstNonSpace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static <T> Iterator<T> concat(Iterator<T> a, Iterator<T> b) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return a.hasNext() || b.hasNext();
            }

            @Override
            public T next() {
                return a.hasNext() ? a.next() : b.next();
            }
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close loses nothing
        }
    }
}
