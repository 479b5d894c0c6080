package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {

    private static final String LONG_BODY = "The foreign minister opened the annual strategic dialogue in the capital. ".repeat(10);

    @TempDir
    Path state;

    private HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final List<String> ifModifiedSince = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String feedBody;
    private volatile String feedEtag;
    private volatile int feedStatus = 200;
    private URI feedUri;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        feedUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        if (path.equals("/feed.xml")) {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (inm != null) {
                ifNoneMatch.add(inm);
            }
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            if (ims != null) {
                ifModifiedSince.add(ims);
            }
            if (feedStatus != 200) {
                respond(ex, feedStatus, "failure");
            } else if (inm != null && inm.equals(feedEtag)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
            } else {
                ex.getResponseHeaders().add("ETag", feedEtag);
                ex.getResponseHeaders().add("Last-Modified", "Tue, 04 Mar 2025 10:00:00 GMT");
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                respond(ex, 200, feedBody);
            }
            return;
        }
        String page = pages.get(path);
        respond(ex, page == null ? 404 : 200, page == null ? "not found" : page);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Test Wire</title>"
                + "<link>http://127.0.0.1/</link><description>d</description><language>en-gb</language>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String fullItem(String guid, String title) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>/full/" + guid + "</link>"
                + "<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate><description>Short.</description>"
                + "<content:encoded><![CDATA[<p>" + LONG_BODY + "</p>]]></content:encoded></item>";
    }

    private static String summaryItem(String guid, String path) {
        return "<item><guid>" + guid + "</guid><title>Envoy heads to Nairobi</title><link>" + path + "</link>"
                + "<description>&lt;p&gt;A short teaser.&lt;/p&gt;</description></item>";
    }

    private FeedPoller poller() {
        return new FeedPoller(HttpClient.newHttpClient(), feedUri,
                new SeenSet(FeedPoller.seenFile(state, feedUri)), new ArticleCheck(1 << 20, null), Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("a poll yields new items, fetching the page of a summary-only item and extracting its main text")
    void pollsAndFollowsLinks() throws Exception {
        pages.put("/world/envoy", "<html lang=en><head><link rel=canonical href=\"https://news.example/world/envoy\">"
                + "<meta property=article:published_time content=\"2025-03-05T07:00:00Z\"></head><body><nav>Menu</nav>"
                + "<article><p>The special envoy left for Nairobi on Wednesday.</p><p>She will meet the president.</p>"
                + "</article><footer>About us</footer></body></html>");
        feedBody = rss(fullItem("g1", "Dialogue opens"), summaryItem("g2", "/world/envoy"));
        feedEtag = "\"v1\"";

        List<ReadResult> results = poller().poll();

        assertThat(results).map(ReadResult::origin).containsExactly("g1", "g2");
        Article full = ((ReadResult.Accepted) results.get(0)).article();
        assertThat(full.text()).isEqualTo(LONG_BODY.strip());
        assertThat(full.source()).isEqualTo("Test Wire");
        assertThat(full.publishedAt()).isEqualTo("2025-03-04T09:30:00Z");
        assertThat(full.language()).isEqualTo("en");
        Article fetched = ((ReadResult.Accepted) results.get(1)).article();
        assertThat(fetched.text()).isEqualTo("The special envoy left for Nairobi on Wednesday.\nShe will meet the president.");
        assertThat(fetched.url()).isEqualTo("https://news.example/world/envoy");
        assertThat(fetched.title()).isEqualTo("Envoy heads to Nairobi");
        assertThat(fetched.publishedAt()).isEqualTo("2025-03-05T07:00:00Z");
        assertThat(requests).containsExactly("/feed.xml", "/world/envoy");
    }

    @Test
    @DisplayName("the next poll sends ETag and Last-Modified back and an unchanged feed (304) yields nothing")
    void conditionalGet() throws Exception {
        feedBody = rss(fullItem("g1", "Dialogue opens"));
        feedEtag = "\"v1\"";
        FeedPoller p = poller();
        assertThat(p.poll()).hasSize(1);
        assertThat(ifNoneMatch).isEmpty();

        assertThat(p.poll()).isEmpty();
        assertThat(ifNoneMatch).containsExactly("\"v1\"");
        assertThat(ifModifiedSince).containsExactly("Tue, 04 Mar 2025 10:00:00 GMT");
    }

    @Test
    @DisplayName("a new poller on the same seen-set publishes nothing old, only the items added since")
    void dedupAcrossRestarts() throws Exception {
        feedBody = rss(fullItem("g1", "One"), fullItem("g2", "Two"));
        feedEtag = "\"v1\"";
        FeedPoller first = poller();
        List<ReadResult> r1 = first.poll();
        first.markSeen(r1);
        assertThat(r1).hasSize(2);

        feedBody = rss(fullItem("g3", "Three"), fullItem("g1", "One"), fullItem("g2", "Two"));
        feedEtag = "\"v2\"";
        FeedPoller restarted = poller();
        assertThat(restarted.poll()).map(ReadResult::origin).containsExactly("g3");
    }

    @Test
    @DisplayName("an item whose page cannot be fetched is a FETCH_FAILED rejection that the next poll retries, feed unchanged")
    void failedItemFetchIsRetried() throws Exception {
        feedBody = rss(summaryItem("g9", "/missing"));
        feedEtag = "\"v1\"";
        FeedPoller p = poller();
        List<ReadResult> r1 = p.poll();
        assertThat(r1).singleElement().isInstanceOfSatisfying(ReadResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(FeedPoller.FETCH_FAILED);
            assertThat(r.detail()).contains("/missing", "404");
        });
        p.markSeen(r1);

        pages.put("/missing", "<html><body><p>Now the page is there.</p></body></html>");
        assertThat(p.poll()).singleElement().isInstanceOf(ReadResult.Accepted.class);
        assertThat(ifNoneMatch).as("the feed is fetched in full while an item is pending").isEmpty();
    }

    @Test
    @DisplayName("a failing feed throws, naming the feed and the HTTP status, so the loop can back off")
    void feedFailureThrows() {
        feedStatus = 503;
        assertThatThrownBy(() -> poller().poll()).isInstanceOf(IOException.class)
                .hasMessageContaining(feedUri.toString()).hasMessageContaining("503");
        feedStatus = 200;
        feedBody = "this is not xml";
        feedEtag = "\"x\"";
        assertThatThrownBy(() -> poller().poll()).isInstanceOf(IOException.class).hasMessageContaining("not RSS or Atom");
    }

    @Test
    @DisplayName("polling once, the loop ingests the healthy feed, counts the failing one as FETCH_FAILED, and a dry run marks nothing seen")
    void loopOnce() throws Exception {
        feedBody = rss(fullItem("g1", "One"), fullItem("g2", "Two"));
        feedEtag = "\"v1\"";
        URI dead = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gone.xml");
        FeedPoller failing = new FeedPoller(HttpClient.newHttpClient(), dead,
                new SeenSet(FeedPoller.seenFile(state, dead)), new ArticleCheck(1 << 20, null), Duration.ofSeconds(10));
        StringWriter err = new StringWriter();
        Ingestor ingestor = new Ingestor(null, new PrintWriter(err, true));

        boolean completed = new FeedLoop(List.of(poller(), failing), ingestor,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2))).run(null, false, () -> false);

        assertThat(completed).isTrue();
        assertThat(ingestor.summary().line(true))
                .isEqualTo("ingest: read 3, valid 2, skipped 0 duplicates, rejected 1 (FETCH_FAILED 1)");
        assertThat(err.toString()).contains("rejected " + dead + ": FETCH_FAILED: feed " + dead + " answered HTTP 404");
        assertThat(poller().poll()).as("a dry run leaves the items unseen").hasSize(2);
    }

    @Test
    @DisplayName("back-off doubles after each failure up to its cap and starts over after a success")
    void backoff() {
        Backoff b = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(List.of(b.next(), b.next(), b.next(), b.next(), b.next())).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(5));
    }
}
