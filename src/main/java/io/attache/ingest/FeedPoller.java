package io.attache.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Polls one RSS or Atom feed over HTTP. Each poll is a conditional GET (the previous response's
 * ETag and Last-Modified are sent back; a 304 means nothing new) and yields only items not in the
 * {@link SeenSet}. An item that holds only a summary is completed by fetching its link and
 * extracting the page's main text. A failed feed fetch throws; a failed item fetch is a
 * {@code FETCH_FAILED} rejection left unmarked, so the next poll tries it again.
 */
public final class FeedPoller {

    /** Feed content shorter than this is taken for a summary and the item's page is fetched. */
    static final int FULL_TEXT_CHARS = 500;
    public static final String FETCH_FAILED = "FETCH_FAILED";

    private static final String USER_AGENT = "attache-ingest (+https://github.com/attache)";

    private final HttpClient http;
    private final URI feed;
    private final SeenSet seen;
    private final ArticleCheck check;
    private final Duration timeout;
    private String etag;
    private String lastModified;

    public FeedPoller(HttpClient http, URI feed, SeenSet seen, ArticleCheck check, Duration timeout) {
        this.http = http;
        this.feed = feed;
        this.seen = seen;
        this.check = check;
        this.timeout = timeout;
    }

    /** The seen-set file of a feed under the state directory: one file per feed URL. */
    public static Path seenFile(Path stateDir, URI feed) {
        String host = feed.getHost() == null ? "feed" : feed.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(feed.toString().getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve("ingest-seen").resolve(host + "-" + HexFormat.of().formatHex(d, 0, 6) + ".seen");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI feed() {
        return feed;
    }

    /** The items not seen before, as read; call {@link #markSeen} once their articles are published. */
    public List<ReadResult> poll() throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(feed).timeout(timeout).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
        if (etag != null) {
            req.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            req.header("If-Modified-Since", lastModified);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("feed " + feed + " could not be fetched: " + e, e);
        }
        if (resp.statusCode() == 304) {
            return List.of();
        }
        if (resp.statusCode() != 200) {
            throw new IOException("feed " + feed + " answered HTTP " + resp.statusCode());
        }
        SyndFeed parsed;
        try {
            parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(resp.body())));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IOException("feed " + feed + " is not RSS or Atom: " + e.getMessage(), e);
        }
        // validators are kept only once the body was usable, so a broken response is fetched in full again
        etag = resp.headers().firstValue("ETag").orElse(null);
        lastModified = resp.headers().firstValue("Last-Modified").orElse(null);
        List<ReadResult> fresh = new ArrayList<>();
        for (SyndEntry entry : parsed.getEntries()) {
            String key = key(entry);
            if (!seen.contains(key)) {
                fresh.add(read(key, entry, parsed));
            }
        }
        if (fresh.stream().anyMatch(FeedPoller::fetchFailed)) {
            // an unchanged feed would answer 304 and the failed item would never be tried again
            etag = null;
            lastModified = null;
        }
        return fresh;
    }

    /** Records the items as done; items whose page could not be fetched stay unseen, to be retried. */
    public void markSeen(List<ReadResult> results) {
        seen.addAll(results.stream()
                .filter(r -> !fetchFailed(r))
                .map(ReadResult::origin).toList());
    }

    private ReadResult read(String key, SyndEntry entry, SyndFeed parsed) throws InterruptedException {
        String content = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .map(HtmlArticle::fragmentText).reduce((a, b) -> a + "\n" + b).orElse("");
        String summary = entry.getDescription() == null || entry.getDescription().getValue() == null ? ""
                : HtmlArticle.fragmentText(entry.getDescription().getValue());
        String published = date(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        String link = entry.getLink();
        String feedLanguage = parsed.getLanguage() == null ? null : parsed.getLanguage().split("[-_]")[0].toLowerCase(Locale.ROOT);
        if (content.length() >= FULL_TEXT_CHARS || link == null || link.isBlank()) {
            String text = content.length() >= summary.length() ? content : summary;
            return check.article(key, new Article(null, link, parsed.getTitle(), published, entry.getTitle(), text,
                    feedLanguage, null));
        }
        HtmlArticle page;
        try {
            URI uri = feed.resolve(link.strip());
            HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("User-Agent", USER_AGENT).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
                return new ReadResult.Rejected(key, FETCH_FAILED, "page " + uri + " answered HTTP " + resp.statusCode());
            }
            page = HtmlArticle.of(Jsoup.parse(new ByteArrayInputStream(resp.body()), null, resp.uri().toString()));
        } catch (IOException | IllegalArgumentException e) {
            return new ReadResult.Rejected(key, FETCH_FAILED, "page " + link + ": " + e);
        }
        return check.article(key, new Article(null, page.url() != null ? page.url() : link,
                page.source() != null ? page.source() : parsed.getTitle(),
                published != null ? published : page.publishedAt(),
                entry.getTitle() != null ? entry.getTitle() : page.title(),
                page.text(), page.language() != null ? page.language() : feedLanguage, null));
    }

    private static boolean fetchFailed(ReadResult r) {
        return r instanceof ReadResult.Rejected rj && rj.reason().equals(FETCH_FAILED);
    }

    private static String key(SyndEntry entry) {
        for (String k : new String[] {entry.getUri(), entry.getLink(), entry.getTitle()}) {
            if (k != null && !k.isBlank()) {
                return k.strip();
            }
        }
        // an item with neither id, link nor title is still named, by its summary
        SyndContent d = entry.getDescription();
        return ArticleContract.stableId(null, d == null || d.getValue() == null ? "" : d.getValue());
    }

    private static String date(Date d) {
        return d == null ? null : d.toInstant().toString();
    }
}
