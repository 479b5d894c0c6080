package io.attache.extract;

import io.attache.extract.dates.DateResolver;
import io.attache.extract.events.ArticleReader;
import io.attache.extract.events.Cameo;
import io.attache.extract.events.Draft;
import io.attache.extract.kb.KbLoader;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.kb.Person;
import io.attache.ingest.Article;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule-based extractor: knowledge-base linking, a trigger lexicon with status cues, and date resolution
 * against the publication day. The knowledge base is swappable while running (edits from reference.leaders).
 */
public final class RuleExtractor implements Extractor {

    private final AtomicReference<ArticleReader> reader;

    public RuleExtractor(KnowledgeBase kb) {
        this.reader = new AtomicReference<>(new ArticleReader(kb));
    }

    /** The extractor over the knowledge base packed into the jar. */
    public static RuleExtractor standard() {
        return new RuleExtractor(KbLoader.standard());
    }

    public KnowledgeBase knowledgeBase() {
        return reader.get().knowledgeBase();
    }

    /** Replaces the whole knowledge base; articles in flight finish with the one they started with. */
    public void replace(KnowledgeBase kb) {
        reader.set(new ArticleReader(kb));
    }

    /** Adds or replaces one person, as an edit on the compacted reference.leaders topic does. */
    public void apply(Person person) {
        reader.updateAndGet(r -> new ArticleReader(r.knowledgeBase().withPerson(person)));
    }

    /** Removes one person, as a tombstone on reference.leaders does. */
    public void remove(String id) {
        reader.updateAndGet(r -> new ArticleReader(r.knowledgeBase().withoutPerson(id)));
    }

    @Override
    public List<EventMention> extract(Article article) {
        if (article.text() == null || article.text().isBlank()) {
            return List.of();
        }
        LocalDate published = publishedDay(article.publishedAt());
        List<Draft> drafts = reader.get().read(article.text(), published);
        List<EventMention> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            List<Principal> participants = d.type() == EventType.VISIT ? List.of(d.actor()) : d.participants();
            out.add(new EventMention(article.id(), d.type(), d.status(), d.actor(), participants, d.host(), d.location(),
                    d.occasion(), d.date(), d.dateEnd(),
                    new Evidence(d.sentence().text(), d.sentence().start(), d.sentence().end()),
                    Math.round(d.confidence() * 100) / 100.0, article.publishedAt(), article.source(), article.url(),
                    Cameo.code(d.type(), d.status(), d.host(), participants),
                    Cameo.plover(d.type(), d.status(), d.host(), participants), article.ingestedAt()));
        }
        return out;
    }

    /** The day of an ISO date or instant; an article without one is read as of today. */
    static LocalDate publishedDay(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return LocalDate.now(java.time.ZoneOffset.UTC);
        }
        try {
            return DateResolver.parseDay(publishedAt.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.now(java.time.ZoneOffset.UTC);
        }
    }
}
