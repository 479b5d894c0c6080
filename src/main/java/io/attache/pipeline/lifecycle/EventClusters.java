package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.dedup.SimHash;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The merge rules: which mentions of one coarse key (same type and actor, host for a VISIT; same
 * set of principals for the others) describe one real-world event, and what that event's record
 * says. The result depends only on the set of mentions, never on their arrival order.
 *
 * <p>Mentions are placed from the most to the least precise date (day, month, year, undated),
 * each in publication order. A mention joins the nearest existing event that it fits, or starts a
 * new one. It fits when:
 * <ul>
 *   <li>its date is consistent with the date of every dated member ({@link PartialDate#consistentWith}:
 *       2025, 2025-05 and 2025-05-09 are consistent; 2023-09 and 2025-05 are not);</li>
 *   <li>for a MEETING, CALL or AGREEMENT, its host is unknown or the same as the members';</li>
 *   <li>if it is year-only or undated, the event is still open for it as of its publication
 *       ({@link Lifecycle#canJoin}): an undated "will visit" does not join a trip already completed.</li>
 * </ul>
 * "Nearest" is the distance in days from the event's dates to the mention's reference day (its
 * publication day, moved into its own date span). Ties go to the event started first.
 */
public final class EventClusters {

    private EventClusters() {
    }

    /** @return the events of one coarse key, each a list of mentions in publication order */
    public static List<List<MentionSummary>> cluster(Iterable<MentionSummary> mentions) {
        List<MentionSummary> order = new ArrayList<>();
        mentions.forEach(order::add);
        order.sort(Comparator.comparingInt(EventClusters::precisionRank).thenComparing(MentionSummary.PUBLICATION_ORDER));
        List<List<MentionSummary>> clusters = new ArrayList<>();
        for (MentionSummary m : order) {
            LocalDate reference = m.span().map(s -> s.clamp(m.publishedDay())).orElse(m.publishedDay());
            List<MentionSummary> best = null;
            long bestDistance = Long.MAX_VALUE;
            for (List<MentionSummary> c : clusters) {
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
        clusters.forEach(c -> c.sort(MentionSummary.PUBLICATION_ORDER));
        return clusters;
    }

    private static int precisionRank(MentionSummary m) {
        return m.span().map(s -> s.precision().ordinal()).orElse(PartialDate.Precision.values().length);
    }

    private static boolean fits(MentionSummary m, List<MentionSummary> c) {
        if (m.hostCountry() != null && c.stream().anyMatch(o -> o.hostCountry() != null && !o.hostCountry().equals(m.hostCountry()))) {
            return false;
        }
        Optional<PartialDate> span = m.span();
        if (span.isPresent() && c.stream().map(MentionSummary::span).flatMap(Optional::stream)
                .anyMatch(o -> !o.consistentWith(span.get()))) {
            return false;
        }
        boolean imprecise = span.isEmpty() || span.get().precision() == PartialDate.Precision.YEAR;
        return !imprecise || Lifecycle.canJoin(m.status(), statusAsOf(c, m));
    }

    /** The event's status from the reports published before {@code m} (its own article excluded). */
    private static EventStatus statusAsOf(List<MentionSummary> c, MentionSummary m) {
        return Lifecycle.fold(c.stream()
                .filter(o -> o.published().isBefore(m.published())
                        || o.published().equals(m.published()) && o.articleId().compareTo(m.articleId()) < 0)
                .sorted(MentionSummary.PUBLICATION_ORDER).map(MentionSummary::status).toList());
    }

    /** Days between the event's finest dates (or its publication days, if undated) and {@code day}. */
    private static long distance(List<MentionSummary> c, LocalDate day) {
        List<PartialDate> finest = finest(c);
        LocalDate start;
        LocalDate end;
        if (finest.isEmpty()) {
            start = c.stream().map(MentionSummary::publishedDay).min(Comparator.naturalOrder()).orElseThrow();
            end = c.stream().map(MentionSummary::publishedDay).max(Comparator.naturalOrder()).orElseThrow();
        } else {
            start = finest.stream().map(PartialDate::start).min(Comparator.naturalOrder()).orElseThrow();
            end = finest.stream().map(PartialDate::end).max(Comparator.naturalOrder()).orElseThrow();
        }
        return new PartialDate(PartialDate.Precision.DAY, start, end).distanceTo(day);
    }

    private static List<PartialDate> finest(List<MentionSummary> c) {
        List<PartialDate> spans = c.stream().map(MentionSummary::span).flatMap(Optional::stream).toList();
        return spans.stream().map(PartialDate::precision).min(Comparator.naturalOrder())
                .map(p -> spans.stream().filter(s -> s.precision() == p).toList()).orElse(List.of());
    }

    /**
     * The canonical record of one cluster (members in publication order). The earliest report
     * anchors the id and gives the actor; the latest report that names them gives host, location
     * and occasion; the date is the finest one reported, its earliest day when reports differ.
     */
    public static CanonicalEvent toEvent(String coarseKey, List<MentionSummary> members) {
        MentionSummary anchor = members.get(0);
        Principal actor = anchor.actor();
        Map<String, Principal> people = new TreeMap<>();
        for (MentionSummary m : members) {
            if (m.type() != EventType.VISIT) {
                people.putIfAbsent(EventKeys.principalId(m.actor()), m.actor());
            }
            m.participants().forEach(p -> people.putIfAbsent(EventKeys.principalId(p), p));
        }
        people.remove(EventKeys.principalId(actor));

        MentionSummary dated = members.stream().filter(m -> m.span().isPresent())
                .min(Comparator.comparing((MentionSummary m) -> m.span().orElseThrow().precision())
                        .thenComparing(m -> m.span().orElseThrow().start()))
                .orElse(null);
        String dateEnd = members.stream().filter(m -> PartialDate.parse(m.dateEnd()).isPresent())
                .max(Comparator.comparing(m -> PartialDate.parse(m.dateEnd()).orElseThrow().end()))
                .map(MentionSummary::dateEnd).orElse(null);

        Map<String, String> fingerprints = new LinkedHashMap<>();
        members.forEach(m -> fingerprints.merge(m.articleId(), m.simhash() == null ? "" : m.simhash(),
                (a, b) -> a.isEmpty() ? b : a));
        fingerprints.replaceAll((id, fp) -> fp.isEmpty() ? null : fp);
        Map<String, String> reportOf = SimHash.reports(fingerprints);
        Map<String, Double> reportConfidence = new TreeMap<>();
        members.forEach(m -> reportConfidence.merge(reportOf.get(m.articleId()), m.confidence(), Math::max));
        double doubt = reportConfidence.values().stream().mapToDouble(c -> 1 - clamp(c)).reduce(1, (a, b) -> a * b);

        return new CanonicalEvent(
                EventKeys.eventId(coarseKey, anchor.identity()),
                coarseKey,
                anchor.type(),
                Lifecycle.fold(members.stream().map(MentionSummary::status).toList()),
                actor,
                List.copyOf(people.values()),
                latest(members, MentionSummary::hostCountry),
                latest(members, MentionSummary::location),
                latest(members, MentionSummary::occasion),
                dated == null ? null : dated.date(),
                dateEnd,
                distinct(members, MentionSummary::articleId),
                distinct(members, MentionSummary::url),
                reportConfidence.size(),
                members.stream().map(m -> new StatusChange(m.status(), m.articleId(), m.publishedAt())).distinct().toList(),
                anchor.publishedAt(),
                members.get(members.size() - 1).publishedAt(),
                Math.round((1 - doubt) * 1000) / 1000.0);
    }

    private static double clamp(double c) {
        return Math.max(0, Math.min(1, c));
    }

    private static String latest(List<MentionSummary> members, Function<MentionSummary, String> field) {
        String v = null;
        for (MentionSummary m : members) {
            String f = field.apply(m);
            if (f != null && !f.isBlank()) {
                v = f;
            }
        }
        return v;
    }

    private static List<String> distinct(List<MentionSummary> members, Function<MentionSummary, String> field) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        members.stream().map(field).filter(Objects::nonNull).forEach(values::add);
        return List.copyOf(values);
    }
}
