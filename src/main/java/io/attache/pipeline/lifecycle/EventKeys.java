package io.attache.pipeline.lifecycle;

import io.attache.extract.EventType;
import io.attache.extract.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The coarse key of {@code events.mentions} and the stable {@code event_id}s of
 * {@code events.canonical}. Mentions that may describe one event share a coarse key: a VISIT is
 * {@code VISIT|actor|host}; a MEETING, CALL or AGREEMENT is its type and the sorted set of all
 * its principals (either side may be the reported actor), its host being checked when clustering.
 */
public final class EventKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9+]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+|-+$)");

    private EventKeys() {
    }

    public static String coarseKey(EventType type, Principal actor, List<Principal> participants, String host) {
        if (type == EventType.VISIT) {
            return type + "|" + principalId(actor) + "|" + (host == null || host.isBlank() ? "-" : host);
        }
        return type + "|" + String.join("+", principalIds(actor, participants));
    }

    public static String coarseKey(MentionSummary m) {
        return coarseKey(m.type(), m.actor(), m.participants(), m.hostCountry());
    }

    /** Every principal of an event, actor included, as sorted distinct ids. */
    public static TreeSet<String> principalIds(Principal actor, List<Principal> participants) {
        TreeSet<String> ids = new TreeSet<>();
        Stream.concat(Stream.ofNullable(actor), participants == null ? Stream.empty() : participants.stream())
                .map(EventKeys::principalId).forEach(ids::add);
        return ids;
    }

    /** The knowledge-base id, or a slug of the name for a person the extractor could not resolve. */
    public static String principalId(Principal p) {
        if (p == null) {
            return "-";
        }
        return p.id() != null && !p.id().isBlank() ? p.id() : slug(p.name());
    }

    /**
     * A readable, stable id: the coarse key as a slug plus a hash of the key and the mention that
     * anchors the event (its earliest report), so it stays put while later reports join.
     */
    public static String eventId(String coarseKey, String anchorIdentity) {
        return slug(coarseKey) + "-" + hash(coarseKey + "#" + anchorIdentity);
    }

    static String slug(String s) {
        if (s == null) {
            return "-";
        }
        String ascii = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return EDGE_DASHES.matcher(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
