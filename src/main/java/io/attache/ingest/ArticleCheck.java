package io.attache.ingest;

import io.attache.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates every candidate article against {@link ArticleContract} in exactly the form it will be
 * published, so that what the ingest publishes is what the pipeline accepts.
 */
public final class ArticleCheck {

    private final ArticleContract contract;
    private final String defaultSource;

    /** @param defaultSource source name given to articles that carry none (may be null) */
    public ArticleCheck(int maxArticleBytes, String defaultSource) {
        this.contract = new ArticleContract(maxArticleBytes);
        this.defaultSource = defaultSource;
    }

    /** A record value as given by the user: one JSON object (a JSON Lines line) or plain text. */
    public ReadResult parse(String origin, byte[] raw) {
        try {
            return article(origin, contract.parse(raw));
        } catch (ArticleContract.Rejected e) {
            return rejected(origin, e);
        }
    }

    /** An article assembled by a reader (from text, HTML or a feed); a missing id is derived as the pipeline would. */
    public ReadResult article(String origin, Article draft) {
        String text = draft.text();
        String id = draft.id() != null && !draft.id().isBlank() ? draft.id()
                : text == null ? null : ArticleContract.stableId(draft.url(), text);
        String source = draft.source() != null ? draft.source() : defaultSource;
        Article normalized = new Article(id, draft.url(), source, draft.publishedAt(), draft.title(), text,
                draft.language(), null);
        try {
            return new ReadResult.Accepted(origin, contract.parse(recordValue(normalized)));
        } catch (ArticleContract.Rejected e) {
            return rejected(origin, e);
        }
    }

    /** The published value: the article in the contract's JSON form, without pipeline-side fields. */
    public static byte[] recordValue(Article a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", a.url());
        m.put("source", a.source());
        m.put("published_at", a.publishedAt());
        m.put("title", a.title());
        m.put("text", a.text());
        m.put("language", a.language());
        return Json.bytes(m);
    }

    static ReadResult.Rejected rejected(String origin, ArticleContract.Rejected e) {
        String prefix = e.reason() + ": ";
        String detail = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new ReadResult.Rejected(origin, e.reason().name(), detail);
    }
}
