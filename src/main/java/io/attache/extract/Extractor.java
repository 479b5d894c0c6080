package io.attache.extract;

import io.attache.ingest.Article;
import java.util.List;

/** Turns one article into the diplomatic event mentions it reports. Implementations are thread-safe. */
public interface Extractor {

    List<EventMention> extract(Article article);
}
