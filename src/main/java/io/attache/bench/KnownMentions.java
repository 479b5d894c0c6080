package io.attache.bench;

import io.attache.extract.EventMention;
import io.attache.extract.Extractor;
import io.attache.ingest.Article;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Extractor} that knows the answer: it returns the mention each generated article was
 * written around (with the article's ingest time), so the pipeline behind extraction can be
 * measured and tested before, or apart from, a real extraction engine.
 */
public final class KnownMentions implements Extractor {

    private final Map<String, EventMention> byArticle = new ConcurrentHashMap<>();

    public KnownMentions add(List<SyntheticNews.Story> stories) {
        stories.forEach(s -> byArticle.put(s.article().id(), s.mention()));
        return this;
    }

    @Override
    public List<EventMention> extract(Article article) {
        EventMention m = byArticle.get(article.id());
        return m == null ? List.of() : List.of(withIngestedAt(m, article.ingestedAt()));
    }

    static EventMention withIngestedAt(EventMention m, Long ingestedAt) {
        return new EventMention(m.articleId(), m.type(), m.status(), m.actor(), m.participants(), m.hostCountry(),
                m.location(), m.occasion(), m.date(), m.dateEnd(), m.evidence(), m.confidence(), m.publishedAt(),
                m.source(), m.url(), m.cameo(), m.plover(), ingestedAt);
    }
}
