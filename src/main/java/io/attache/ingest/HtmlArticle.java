package io.attache.ingest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The main text and metadata of one news page. Page chrome (scripts, styles, navigation, header,
 * footer, asides, forms) is removed; title, canonical URL, publication date, site name and language
 * come from the page's metadata where it has them. Paragraph breaks survive as newlines because the
 * extractor downstream splits sentences on them.
 */
public record HtmlArticle(String title, String url, String publishedAt, String source, String language, String text) {

    private static final String CHROME = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg";

    private static final List<String> DATE_SELECTORS = List.of(
            "meta[property=article:published_time]",
            "meta[property=og:article:published_time]",
            "meta[property=og:published_time]",
            "meta[itemprop=datePublished]",
            "[itemprop=datePublished][datetime]",
            "[itemprop=datePublished][content]",
            "time[datetime]");

    /** @param baseUri the page's address, to resolve relative links (empty for a local file) */
    public static HtmlArticle parse(String html, String baseUri) {
        return of(Jsoup.parse(html, baseUri));
    }

    public static HtmlArticle of(Document doc) {
        String url = firstNonBlank(
                doc.select("link[rel=canonical]").attr("abs:href"),
                doc.select("meta[property=og:url]").attr("content"),
                doc.location());
        String source = firstNonBlank(doc.select("meta[property=og:site_name]").attr("content"), host(url));
        String published = null;
        for (String selector : DATE_SELECTORS) {
            for (Element e : doc.select(selector)) {
                String v = firstNonBlank(e.attr("content"), e.attr("datetime"));
                published = isoDate(v);
                if (published != null) {
                    break;
                }
            }
            if (published != null) {
                break;
            }
        }
        String lang = doc.select("html[lang]").attr("lang");
        String language = lang.isBlank() ? null : lang.split("[-_]")[0].toLowerCase(Locale.ROOT);

        // the headline often sits in the article's own <header>, which goes with the chrome below
        String headline = null;
        for (String selector : List.of("article h1", "main h1", "[role=main] h1", "h1")) {
            Element h1 = doc.selectFirst(selector);
            if (h1 != null) {
                headline = h1.text();
                break;
            }
        }
        doc.select(CHROME).remove();
        Element main = doc.selectFirst("article");
        if (main == null) {
            main = doc.selectFirst("main, [role=main]");
        }
        if (main == null) {
            main = doc.body();
        }
        String title = firstNonBlank(doc.select("meta[property=og:title]").attr("content"), headline, doc.title());
        return new HtmlArticle(title, url, published, source, language, blockText(main));
    }

    /** Text of an HTML fragment (e.g. a feed item's content), one line per block. */
    public static String fragmentText(String html) {
        return blockText(Jsoup.parseBodyFragment(html).body());
    }

    /** The article draft this page makes; the id is left for {@link ArticleCheck} to derive. */
    public Article toArticle() {
        return new Article(null, url, source, publishedAt, title, text, language, null);
    }

    private static String blockText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeVisitor visitor = new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append('\n');
                }
            }
        };
        visitor.traverse(root);
        StringBuilder out = new StringBuilder();
        for (String line : sb.toString().split("\n")) {
            String l = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(l);
            }
        }
        return out.toString();
    }

    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX");

    /** A page date as an ISO date or instant the contract accepts, or null when it is not one. */
    static String isoDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            return LocalDate.parse(v).toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v).toInstant().toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v, OFFSET_NO_COLON).toInstant().toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(v).toString();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            // a page that gives no zone is taken as UTC: better a date off by hours than none
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String h = URI.create(url).getHost();
            return h == null ? null : h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
