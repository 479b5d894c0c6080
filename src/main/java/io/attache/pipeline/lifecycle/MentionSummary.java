package io.attache.pipeline.lifecycle;

import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the canonical stage keeps of one mention: enough to re-cluster and rebuild every event of
 * a coarse key from scratch. {@code textHash} identifies the article's normalized text, to drop
 * repeats; {@code simhash} is its fingerprint (16 hex digits), to fold syndicated near-copies into
 * one report; either is null when unknown. {@code evidence} is the sentence the mention was read from.
 */
public record MentionSummary(
        String articleId,
        String publishedAt,
        String url,
        String source,
        String textHash,
        String simhash,
        EventType type,
        EventStatus status,
        Principal actor,
        List<Principal> participants,
        String hostCountry,
        String location,
        String occasion,
        String date,
        String dateEnd,
        double confidence,
        String evidence) {

    /** Publication order, the order of the lifecycle; article id and identity break ties. */
    public static final Comparator<MentionSummary> PUBLICATION_ORDER = Comparator
            .comparing(MentionSummary::published)
            .thenComparing(MentionSummary::articleId)
            .thenComparing(MentionSummary::identity);

    public MentionSummary {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /**
     * @param publishedAt the article's publication time, or the record time when the mention has none
     * @param textHash the article's normalized-text hash carried in a record header, may be null
     * @param simhash the article fingerprint carried in a record header, may be null
     */
    public static MentionSummary of(EventMention m, String publishedAt, String textHash, String simhash) {
        return new MentionSummary(m.articleId(), publishedAt, blankToNull(m.url()), m.source(), textHash, simhash, m.type(), m.status(),
                m.actor(), m.participants(), blankToNull(m.hostCountry()), m.location(), m.occasion(),
                blankToNull(m.date()), blankToNull(m.dateEnd()), m.confidence(),
                m.evidence() == null ? null : m.evidence().sentence());
    }

    /**
     * Two mentions with one identity in one coarse key are the same report (a redelivered or
     * re-extracted article, or one article repeating itself): the later replaces the earlier.
     */
    public String identity() {
        return articleId + "|" + status + "|" + date + "|" + dateEnd + "|" + hostCountry;
    }

    public Optional<PartialDate> span() {
        return PartialDate.parse(date, dateEnd);
    }

    public Instant published() {
        return instant(publishedAt);
    }

    public LocalDate publishedDay() {
        return LocalDate.ofInstant(published(), ZoneOffset.UTC);
    }

    /** Reads an ISO date or instant; an unreadable one sorts first rather than failing the stage. */
    public static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return Instant.EPOCH;
        }
        LocalDate day = iso.length() == 10 ? IsoDates.day(iso, 0) : null;
        Instant fast = day != null ? IsoDates.startOf(day) : IsoDates.utcSecond(iso);
        if (fast != null) {
            return fast;
        }
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(iso);
            } catch (DateTimeParseException e2) {
                return Instant.EPOCH;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
