package io.attache.pipeline;

import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Extractor;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test stand-in for the rule extractor (written on another branch): it reads markers that test
 * articles carry, such as {@code [VISIT AT PLANNED 2025-10]} (a visit by Petra Novak) or
 * {@code [VISIT maria-oliveira IN COMPLETED -]} (undated), one mention per marker.
 */
final class MarkerExtractor implements Extractor {

    private static final Pattern MARKER = Pattern.compile("\\[VISIT (?:([a-z-]+) )?([A-Z]{2}) ([A-Z]+) ([0-9-]+)]");
    private static final Map<String, Principal> PEOPLE = Map.of(
            PipelineHarness.NOVAK.id(), PipelineHarness.NOVAK,
            PipelineHarness.OLIVEIRA.id(), PipelineHarness.OLIVEIRA,
            PipelineHarness.DIALLO.id(), PipelineHarness.DIALLO,
            PipelineHarness.SATO.id(), PipelineHarness.SATO);

    @Override
    public List<EventMention> extract(Article article) {
        Matcher m = MARKER.matcher(article.text());
        List<EventMention> found = new ArrayList<>();
        while (m.find()) {
            Principal actor = m.group(1) == null ? PipelineHarness.NOVAK : PEOPLE.get(m.group(1));
            String date = m.group(4).equals("-") ? null : m.group(4);
            found.add(new EventMention(article.id(), EventType.VISIT, EventStatus.valueOf(m.group(3)), actor, List.of(),
                    m.group(2), null, null, date, null, null, 0.7, article.publishedAt(), article.source(), article.url(),
                    null, null, article.ingestedAt()));
        }
        return found;
    }
}
