package io.attache.pipeline.lifecycle;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import io.attache.pipeline.dedup.SimHash;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The merge rules: which mentions of one coarse key (same type and actor, host for a VISIT; same
 * set of principals for the others) describe one real-world event, and what that event's record
 * says. The result depends only on the set of mentions, never on their arrival order.
 *
 * <p>First, an article that repeats an earlier one (same URL or same normalized text; earlier by
 * publication time, then article id) is left out, as the dedup at the door would have dropped it
 * had both come in on one partition. Then mentions are placed from the most to the least precise
 * date (day, month, year, undated), each in publication order. A mention joins the nearest existing event that it fits, or starts a
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

    /** A mention with its dates read once: clustering compares each mention with many others. */
    record Item(MentionSummary m, Optional<PartialDate> span, Instant published, LocalDate publishedDay) {

        static Item of(MentionSummary m) {
            Instant published = m.published();
            return new Item(m, m.span(), published, LocalDate.ofInstant(published, ZoneOffset.UTC));
        }

        int precisionRank() {
            return span.map(s -> s.precision().ordinal()).orElse(PartialDate.Precision.values().length);
        }
    }

    /** Publication order over items, as {@link MentionSummary#PUBLICATION_ORDER}. */
    static final Comparator<Item> PUBLISHED = Comparator.comparing(Item::published)
            .thenComparing(i -> i.m().articleId()).thenComparing(i -> i.m().identity());

    /** @return the events of one coarse key, each a list of mentions in publication order */
    public static List<List<MentionSummary>> cluster(Iterable<MentionSummary> mentions) {
        List<Item> order = new ArrayList<>(withoutRepeats(mentions).stream().map(Item::of).toList());
        order.sort(Comparator.comparingInt(Item::precisionRank).thenComparing(PUBLISHED));
        List<Cluster> clusters = new ArrayList<>();
        for (Item m : order) {
            LocalDate reference = m.span().map(s -> s.clamp(m.publishedDay())).orElse(m.publishedDay());
            Cluster best = null;
            long bestDistance = Long.MAX_VALUE;
            for (Cluster c : clusters) {
                if (c.fits(m)) {
                    long d = c.distance(reference);
                    if (d < bestDistance) {
                        best = c;
                        bestDistance = d;
                    }
                }
            }
            if (best == null) {
                best = new Cluster();
                clusters.add(best);
            }
            best.add(m);
        }
        return clusters.stream().map(c -> c.byPublication.stream().map(Item::m).toList()).toList();
    }

    /**
     * One event being formed. A mention is tested against every event of its key, so what the tests
     * read of the members (their distinct hosts and date spans, publication days, the finest dates)
     * is kept up to date as members join instead of being re-read from all of them.
     */
    private static final class Cluster {
        final List<Item> byPublication = new ArrayList<>();
        /** Distinct date spans of the members: few, as reports of one event repeat its dates. */
        final Set<PartialDate> spans = new LinkedHashSet<>();
        final Set<String> hosts = new HashSet<>();
        LocalDate firstDay;
        LocalDate lastDay;
        Optional<PartialDate> dates = Optional.empty();

        void add(Item m) {
            // after any member it ties with, as a stable sort would place it
            int at = Collections.binarySearch(byPublication, m, PUBLISHED);
            at = at < 0 ? -at - 1 : at;
            while (at < byPublication.size() && PUBLISHED.compare(byPublication.get(at), m) == 0) {
                at++;
            }
            byPublication.add(at, m);
            if (m.m().hostCountry() != null) {
                hosts.add(m.m().hostCountry());
            }
            firstDay = firstDay == null || m.publishedDay().isBefore(firstDay) ? m.publishedDay() : firstDay;
            lastDay = lastDay == null || m.publishedDay().isAfter(lastDay) ? m.publishedDay() : lastDay;
            if (m.span().isPresent() && spans.add(m.span().get())) {
                dates = finest(spans);
            }
        }

        boolean fits(Item m) {
            String host = m.m().hostCountry();
            if (host != null && (hosts.size() > 1 || hosts.size() == 1 && !hosts.contains(host))) {
                return false;
            }
            Optional<PartialDate> span = m.span();
            if (span.isPresent()) {
                for (PartialDate o : spans) {
                    if (!o.consistentWith(span.get())) {
                        return false;
                    }
                }
            }
            boolean imprecise = span.isEmpty() || span.get().precision() == PartialDate.Precision.YEAR;
            if (!imprecise) {
                return true;
            }
            return Lifecycle.canJoin(m.m().status(), m.publishedDay(), statusAsOf(m),
                    dates.map(PartialDate::start).orElse(null), dates.map(PartialDate::end).orElse(null));
        }

        /** The event's status from the reports published before {@code m} (its own article excluded). */
        private EventStatus statusAsOf(Item m) {
            EventStatus s = null;
            for (Item o : byPublication) {
                boolean before = o.published().isBefore(m.published())
                        || o.published().equals(m.published()) && o.m().articleId().compareTo(m.m().articleId()) < 0;
                if (!before) {
                    break;
                }
                s = Lifecycle.next(s, o.m().status());
            }
            return s;
        }

        /** Days between the event's dates (or its publication days, if undated) and {@code day}. */
        long distance(LocalDate day) {
            return dates.orElseGet(() -> new PartialDate(PartialDate.Precision.DAY, firstDay, lastDay)).distanceTo(day);
        }

        /** The span of the finest reported dates, empty if undated. */
        private static Optional<PartialDate> finest(Set<PartialDate> spans) {
            return spans.stream().map(PartialDate::precision).min(Comparator.naturalOrder()).map(p -> {
                List<PartialDate> finest = spans.stream().filter(s -> s.precision() == p).toList();
                return new PartialDate(p, finest.stream().map(PartialDate::start).min(Comparator.naturalOrder()).orElseThrow(),
                        finest.stream().map(PartialDate::end).max(Comparator.naturalOrder()).orElseThrow());
            });
        }
    }

    /** The mentions of articles that repeat no earlier-published article by URL or text. */
    static List<MentionSummary> withoutRepeats(Iterable<MentionSummary> mentions) {
        List<MentionSummary> all = new ArrayList<>();
        mentions.forEach(all::add);
        all.sort(MentionSummary.PUBLICATION_ORDER);
        Set<String> seen = new HashSet<>();
        Set<String> judged = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (MentionSummary m : all) {
            if (!judged.add(m.articleId())) {
                continue;
            }
            List<String> keys = Stream.of("url:" + m.url(), "text:" + m.textHash())
                    .filter(k -> !k.endsWith(":null")).toList();
            if (keys.stream().noneMatch(seen::contains)) {
                kept.add(m.articleId());
                seen.addAll(keys);
            }
        }
        return new ArrayList<>(all.stream().filter(m -> kept.contains(m.articleId())).toList());
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

        Map<String, String> fingerprints = new HashMap<>();
        members.forEach(m -> fingerprints.putIfAbsent(m.articleId(), m.simhash()));
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
                Math.round((1 - doubt) * 1000) / 1000.0,
                members.stream().filter(m -> m.evidence() != null)
                        .map(m -> new CanonicalEvent.ArticleEvidence(m.articleId(), m.evidence())).distinct().toList());
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
