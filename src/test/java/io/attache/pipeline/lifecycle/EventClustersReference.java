package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;
import io.attache.pipeline.lifecycle.EventClusters.Item;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clustering as first written (every fit test re-reads every member of a candidate event), kept
 * as the oracle the faster {@link EventClusters#cluster} must agree with. What did not change (the
 * items, publication order, leaving out repeats) it takes from {@link EventClusters}.
 */
final class EventClustersReference {

    private static final Comparator<Item> PUBLISHED = EventClusters.PUBLISHED;

    private EventClustersReference() {
    }

    /** @return the events of one coarse key, each a list of mentions in publication order */
    static List<List<MentionSummary>> cluster(Iterable<MentionSummary> mentions) {
        List<Item> order = new ArrayList<>(EventClusters.withoutRepeats(mentions).stream().map(Item::of).toList());
        order.sort(Comparator.comparingInt(Item::precisionRank).thenComparing(PUBLISHED));
        List<List<Item>> clusters = new ArrayList<>();
        for (Item m : order) {
            LocalDate reference = m.span().map(s -> s.clamp(m.publishedDay())).orElse(m.publishedDay());
            List<Item> best = null;
            long bestDistance = Long.MAX_VALUE;
            for (List<Item> c : clusters) {
                if (fits(m, c)) {
                    long d = distance(c, reference);
                    if (d < bestDistance) {
                        best = c;
                        bestDistance = d;
                    }
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                clusters.add(best);
            }
            best.add(m);
        }
        return clusters.stream().map(c -> c.stream().sorted(PUBLISHED).map(Item::m).toList()).toList();
    }

    private static boolean fits(Item m, List<Item> c) {
        String host = m.m().hostCountry();
        if (host != null && c.stream().anyMatch(o -> o.m().hostCountry() != null && !o.m().hostCountry().equals(host))) {
            return false;
        }
        Optional<PartialDate> span = m.span();
        if (span.isPresent() && c.stream().map(Item::span).flatMap(Optional::stream)
                .anyMatch(o -> !o.consistentWith(span.get()))) {
            return false;
        }
        boolean imprecise = span.isEmpty() || span.get().precision() == PartialDate.Precision.YEAR;
        if (!imprecise) {
            return true;
        }
        Optional<PartialDate> dates = dates(c);
        return Lifecycle.canJoin(m.m().status(), m.publishedDay(), statusAsOf(c, m),
                dates.map(PartialDate::start).orElse(null), dates.map(PartialDate::end).orElse(null));
    }

    /** The event's status from the reports published before {@code m} (its own article excluded). */
    private static EventStatus statusAsOf(List<Item> c, Item m) {
        return Lifecycle.fold(c.stream()
                .filter(o -> o.published().isBefore(m.published())
                        || o.published().equals(m.published()) && o.m().articleId().compareTo(m.m().articleId()) < 0)
                .sorted(PUBLISHED).map(o -> o.m().status()).toList());
    }

    /** Days between the event's dates (or its publication days, if undated) and {@code day}. */
    private static long distance(List<Item> c, LocalDate day) {
        PartialDate span = dates(c).orElseGet(() -> new PartialDate(PartialDate.Precision.DAY,
                c.stream().map(Item::publishedDay).min(Comparator.naturalOrder()).orElseThrow(),
                c.stream().map(Item::publishedDay).max(Comparator.naturalOrder()).orElseThrow()));
        return span.distanceTo(day);
    }

    /** The span of the event's finest reported dates, empty if undated. */
    private static Optional<PartialDate> dates(List<Item> c) {
        List<PartialDate> spans = c.stream().map(Item::span).flatMap(Optional::stream).toList();
        return spans.stream().map(PartialDate::precision).min(Comparator.naturalOrder()).map(p -> {
            List<PartialDate> finest = spans.stream().filter(s -> s.precision() == p).toList();
            return new PartialDate(p, finest.stream().map(PartialDate::start).min(Comparator.naturalOrder()).orElseThrow(),
                    finest.stream().map(PartialDate::end).max(Comparator.naturalOrder()).orElseThrow());
        });
    }

}
