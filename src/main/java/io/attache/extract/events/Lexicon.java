package io.attache.extract.events;

import io.attache.extract.EventType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The words that report diplomatic events and the cues that set their status. */
final class Lexicon {

    /** How a trigger word is used: its event type, grammatical form and what it needs next to it. */
    enum Form { BASE, PRES, PAST, PROG, NOUN }

    /** {@code needs}: null, or a word that must follow within two tokens ("head" needs "to"). */
    record Trigger(EventType type, Form form, String needs, Kind kind) {
    }

    /** Trigger families whose participants are found differently. */
    enum Kind { PLAIN, ATTEND, ARRIVE, DECLINE, INVITE, SEND, HOST, RETURN, SIGN, DIRECT_CALL }

    static final Map<String, Trigger> TRIGGERS = new HashMap<>();

    private static void verb(EventType type, Kind kind, String needs, String base, String pres, String past,
            String prog, String... nouns) {
        if (base != null) {
            TRIGGERS.put(base, new Trigger(type, Form.BASE, needs, kind));
        }
        if (pres != null) {
            TRIGGERS.put(pres, new Trigger(type, Form.PRES, needs, kind));
        }
        if (past != null) {
            for (String p : past.split("\\|")) {
                TRIGGERS.put(p, new Trigger(type, Form.PAST, needs, kind));
            }
        }
        if (prog != null) {
            for (String p : prog.split("\\|")) {
                TRIGGERS.put(p, new Trigger(type, Form.PROG, needs, kind));
            }
        }
        for (String noun : nouns) {
            TRIGGERS.put(noun, new Trigger(type, Form.NOUN, needs, kind));
        }
    }

    static {
        EventType v = EventType.VISIT;
        verb(v, Kind.PLAIN, null, "visit", "visits", "visited", "visiting");
        verb(v, Kind.PLAIN, null, null, null, null, null, "trip", "tour", "journey", "visit");
        verb(v, Kind.PLAIN, null, "travel", "travels", "traveled|travelled", "traveling|travelling");
        verb(v, Kind.ARRIVE, null, "arrive", "arrives", "arrived", "arriving", "arrival");
        verb(v, Kind.ARRIVE, null, "land", "lands", "landed", "landing");
        verb(v, Kind.ARRIVE, "down", "touch", "touches", "touched", "touching");
        verb(v, Kind.ATTEND, null, "attend", "attends", "attended", "attending", "attendance");
        verb(v, Kind.ATTEND, null, "participate", "participates", "participated", "participating", "participation");
        verb(v, Kind.PLAIN, "to", "head", "heads", "headed", "heading");
        verb(v, Kind.PLAIN, "to", "fly", "flies", "flew", "flying");
        verb(v, Kind.PLAIN, "for", "leave", "leaves", "left", "leaving");
        verb(v, Kind.PLAIN, null, null, null, null, null, "swing", "delegation", "stopover", "entourage",
                "attendees");
        verb(v, Kind.ARRIVE, "on", "converge", "converges", "converged", "converging");
        verb(v, Kind.DECLINE, "away", "stay", "stays", "stayed", "staying");
        verb(v, Kind.DECLINE, "out", "pull", "pulls", "pulled", "pulling");
        verb(v, Kind.RETURN, "from", "come", "comes", "came", "coming");
        verb(v, Kind.PLAIN, "for", "depart", "departs", "departed", "departing", "departure");
        verb(v, Kind.PLAIN, "to", "go", "goes", "went", "going");
        verb(v, Kind.RETURN, "from", "return", "returns", "returned", "returning");
        verb(v, Kind.DECLINE, null, "skip", "skips", "skipped", "skipping");
        verb(v, Kind.DECLINE, null, "boycott", "boycotts", "boycotted", "boycotting");
        verb(v, Kind.DECLINE, null, null, null, null, null, "absent", "absence");
        verb(v, Kind.ATTEND, "at", null, null, null, null, "present");
        verb(v, Kind.ATTEND, null, "join", "joins", "joined", "joining");
        verb(v, Kind.INVITE, null, "invite", "invites", "invited", "inviting", "invitation");
        verb(v, Kind.SEND, null, "send", "sends", "sent", "sending");
        verb(v, Kind.SEND, "by", null, null, "represented", null);
        verb(v, Kind.ATTEND, null, "represent", "represents", null, null);
        verb(v, Kind.PLAIN, null, "accompany", "accompanies", "accompanied", "accompanying");
        verb(v, Kind.SEND, null, "dispatch", "dispatches", "dispatched", "dispatching");
        EventType m = EventType.MEETING;
        verb(m, Kind.PLAIN, null, "meet", "meets", "met", "meeting", "meeting");
        verb(m, Kind.PLAIN, null, null, null, null, null, "talks", "summit", "bilateral", "tete", "audience");
        verb(m, Kind.PLAIN, "down", "sit", "sits", "sat", "sitting");
        verb(m, Kind.HOST, null, "host", "hosts", "hosted", "hosting");
        verb(m, Kind.HOST, null, "receive", "receives", "received", "receiving");
        verb(m, Kind.HOST, null, "welcome", "welcomes", "welcomed", "welcoming");
        verb(m, Kind.HOST, null, "greet", "greets", "greeted", "greeting");
        verb(m, Kind.PLAIN, null, "confer", "confers", "conferred", "conferring");
        EventType c = EventType.CALL;
        verb(c, Kind.PLAIN, null, null, null, "phoned|telephoned", null, "phone", "telephone", "videoconference",
                "teleconference", "call");
        verb(c, Kind.DIRECT_CALL, null, null, "calls", "called", "calling");
        EventType a = EventType.AGREEMENT;
        verb(a, Kind.SIGN, null, "sign", "signs", "signed", "signing", "signing");
        verb(a, Kind.SIGN, "joint", "issue", "issues", "issued", "issuing");
        verb(a, Kind.SIGN, "joint", "adopt", "adopts", "adopted", "adopting");
        verb(a, Kind.SIGN, null, "ink", "inks", "inked", "inking");
    }

    static final Set<String> AGREEMENT_NOUNS = Set.of("agreement", "agreements", "pact", "treaty", "accord", "deal",
            "deals", "memorandum", "memoranda", "memorandums", "mou", "mous", "declaration", "statement", "documents",
            "document", "communique", "charter", "convention", "protocol", "accords", "treaties", "contracts",
            "contract", "partnership", "truce", "plan", "ceasefire", "roadmap", "arrangement", "intent");

    static final Set<String> OCCASIONS = Set.of("parade", "summit", "forum", "ceremony", "ceremonies", "celebration",
            "celebrations", "commemoration", "commemorations", "funeral", "inauguration", "anniversary", "conference",
            "assembly", "festivities", "event", "events", "games", "olympics", "expo", "observances", "gathering",
            "congress", "meeting", "talks", "session", "coronation", "festival", "exhibition", "swearing");

    static final Set<String> PHONE = Set.of("phone", "telephone", "phoned", "telephoned", "videoconference",
            "teleconference", "video", "virtual", "virtually");

    static final Set<String> CANCEL = Set.of("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling",
            "cancellation", "postpone", "postpones", "postponed", "postponement", "scrapped", "scrap", "scraps",
            "shelved", "aborted", "axed", "off");
    static final Set<String> NEGATION = Set.of("not", "n't", "never", "no", "without", "neither", "nor", "won", "cannot");
    static final Set<String> DECLINE = Set.of("declined", "declines", "decline", "refused", "refuses", "refuse",
            "rejected", "rejects", "reject", "snubbed", "snub", "snubs", "shun", "shuns", "shunned");
    static final Set<String> SPECULATE = Set.of("may", "might", "could", "likely", "unlikely", "possible", "possibly",
            "potential", "potentially", "possibility", "speculation", "speculated", "speculate", "rumored", "rumoured",
            "reportedly", "considering", "mulling", "weighing", "hopes", "hope", "hoped", "hoping", "wants", "want",
            "seeks", "seeking", "aims", "eyeing", "eyes", "mooted", "proposed", "floated", "perhaps", "prospect",
            "expectations", "expectation", "discussion", "discussing", "study", "exploring", "explore", "tentative",
            "tentatively", "would-be", "ready", "willing", "offered", "offers", "open", "wish", "wishes", "forward");
    static final Set<String> PLAN = Set.of("will", "'ll", "ll", "shall", "set", "scheduled", "schedule", "plans", "plan",
            "planned", "planning", "due", "expected", "upcoming", "forthcoming", "preparing", "prepares", "announced",
            "would", "going", "confirmed", "accepted", "agreed", "to", "next", "slated", "poised", "intends", "vowed");
    static final Set<String> UNDERWAY = Set.of("currently", "now", "began", "begins", "begin", "started", "starts",
            "kicked", "kicks", "underway", "ongoing", "arrived", "arrives", "landed");
    static final Set<String> HABITUAL = Set.of("times", "often", "regularly", "rarely", "frequently", "usually",
            "routinely", "repeatedly", "sometimes", "seldom", "occasionally", "ever", "every", "previous", "past",
            "several", "numerous", "many", "multiple", "only", "dozens");
    static final Set<String> HYPOTHETICAL = Set.of("if", "whether", "unless", "should", "hypothetical");
    static final Set<String> AUX_PAST = Set.of("was", "were", "had", "did");
    static final Set<String> AUX_PRESENT = Set.of("is", "are", "am", "'s");
    static final Set<String> PRONOUNS = Set.of("he", "she", "his", "her", "him");
    static final Set<String> OBJECT_PREP = Set.of("with", "of", "by", "from", "to", "for", "against", "than",
            "between", "about", "on", "toward", "towards", "including");
    static final Set<String> PLACE_PREP_OK = Set.of("to", "in", "into", "at", "for", "toward", "towards", "visit", "through",
            "visited", "visits", "visiting", "toured", "tour", "tours", "touring", "across", "inside");
    static final Set<String> LIST_MARKERS = Set.of("include", "includes", "included", "including", "such", "among");
    static final Set<String> DOMESTIC = Set.of("domestic", "home", "homeland", "hometown", "nationwide", "province",
            "provinces", "region");

    private Lexicon() {
    }
}
