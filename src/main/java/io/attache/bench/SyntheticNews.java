package io.attache.bench;

import io.attache.extract.EventMention;
import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Evidence;
import io.attache.extract.Plover;
import io.attache.extract.Principal;
import io.attache.ingest.Article;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic synthetic news for benchmarks and reliability tests: diplomatic stories about real
 * leaders, each told by one to three articles as it moves from planned to underway to completed,
 * 2-6 KB of text around one sentence a rule extractor reads as a VISIT, MEETING or CALL. Each
 * article comes with the mention that sentence reports, so a run can be checked (or driven, see
 * {@link KnownMentions}) without an extraction engine. Deterministic for a seed.
 */
public final class SyntheticNews {

    /** A head of state or government and the country they speak for. */
    record Leader(String name, String title, String country, String iso, String capital, String demonym) {

        String id() {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
        }

        Principal principal() {
            return new Principal(id(), name, iso, title.toLowerCase(Locale.ROOT), true);
        }
    }

    /** One generated article and the event mention its lead sentence reports. */
    public record Story(Article article, EventMention mention) {
    }

    static final List<Leader> LEADERS = List.of(
            new Leader("Emmanuel Macron", "President", "France", "FR", "Paris", "French"),
            new Leader("Friedrich Merz", "Chancellor", "Germany", "DE", "Berlin", "German"),
            new Leader("Keir Starmer", "Prime Minister", "the United Kingdom", "GB", "London", "British"),
            new Leader("Narendra Modi", "Prime Minister", "India", "IN", "New Delhi", "Indian"),
            new Leader("Xi Jinping", "President", "China", "CN", "Beijing", "Chinese"),
            new Leader("Luiz Inacio Lula da Silva", "President", "Brazil", "BR", "Brasilia", "Brazilian"),
            new Leader("Cyril Ramaphosa", "President", "South Africa", "ZA", "Pretoria", "South African"),
            new Leader("Recep Tayyip Erdogan", "President", "Turkey", "TR", "Ankara", "Turkish"),
            new Leader("Giorgia Meloni", "Prime Minister", "Italy", "IT", "Rome", "Italian"),
            new Leader("Anthony Albanese", "Prime Minister", "Australia", "AU", "Canberra", "Australian"),
            new Leader("Mark Carney", "Prime Minister", "Canada", "CA", "Ottawa", "Canadian"),
            new Leader("Claudia Sheinbaum", "President", "Mexico", "MX", "Mexico City", "Mexican"),
            new Leader("Prabowo Subianto", "President", "Indonesia", "ID", "Jakarta", "Indonesian"),
            new Leader("Lee Jae-myung", "President", "South Korea", "KR", "Seoul", "South Korean"),
            new Leader("Pedro Sanchez", "Prime Minister", "Spain", "ES", "Madrid", "Spanish"),
            new Leader("Volodymyr Zelensky", "President", "Ukraine", "UA", "Kyiv", "Ukrainian"),
            new Leader("William Ruto", "President", "Kenya", "KE", "Nairobi", "Kenyan"),
            new Leader("Bola Tinubu", "President", "Nigeria", "NG", "Abuja", "Nigerian"),
            new Leader("Javier Milei", "President", "Argentina", "AR", "Buenos Aires", "Argentine"),
            new Leader("Anwar Ibrahim", "Prime Minister", "Malaysia", "MY", "Kuala Lumpur", "Malaysian"),
            new Leader("Abdel Fattah el-Sisi", "President", "Egypt", "EG", "Cairo", "Egyptian"),
            new Leader("Mette Frederiksen", "Prime Minister", "Denmark", "DK", "Copenhagen", "Danish"),
            new Leader("Gustavo Petro", "President", "Colombia", "CO", "Bogota", "Colombian"),
            new Leader("Shehbaz Sharif", "Prime Minister", "Pakistan", "PK", "Islamabad", "Pakistani"));

    private static final String[] SOURCES = {"Harbour Wire", "Continental Post", "Daily Meridian", "Atlas News",
        "The Northern Ledger", "Capital Dispatch"};
    private static final String[] TOPICS = {"trade", "energy security", "climate finance", "critical minerals",
        "defence cooperation", "food security", "migration", "digital infrastructure", "shipping routes",
        "debt relief", "vaccine production", "space research"};
    private static final String[] FILLER = {
        "Bilateral trade between the two countries reached {N} billion dollars last year, up {N} percent on the year before.",
        "Officials said {N} agreements were being prepared, covering {T} and {T}.",
        "The two governments set up a joint commission on {T} {N} months ago, but it has met only {N} times since.",
        "Analysts at a research institute in {C} said the relationship had been strained over {T} for {N} years.",
        "A delegation of {N} business leaders is expected to accompany the talks, according to a trade ministry statement.",
        "Opposition lawmakers in {C} questioned the cost of the programme, estimated at {N} million dollars.",
        "The central bank in {C} has cut interest rates {N} times this year as growth slowed to {N} percent.",
        "Diplomats described the atmosphere as constructive, while cautioning that differences over {T} remain.",
        "Some {N} students from {C} study at universities in the partner country, a figure that has doubled in {N} years.",
        "The last joint statement on {T} was issued {N} months ago and promised a review within a year.",
        "Protesters gathered outside the foreign ministry in {C}, calling for a tougher line on {T}.",
        "Port operators reported that {N} container ships had been delayed over the past {N} weeks.",
        "A spokesperson for the presidency in {C} declined to comment on the timing of the next round of talks.",
        "Energy imports account for {N} percent of the country's bill, and officials hope to cut that to {N} percent.",
        "Farm groups in {C} warned that new quotas on {T} would cost exporters about {N} million dollars.",
        "The finance ministry in {C} said a new credit line worth {N} million dollars was under discussion.",
        "Independent observers noted that {T} has been discussed at {N} summits without a binding outcome.",
        "Local newspapers in {C} carried the story on their front pages, with editorials split on {T}.",
        "The foreign minister of {C} is due to brief parliament on the outcome within {N} days.",
        "Security around the venue was tightened, with {N} police officers deployed, according to city authorities."};

    private final Random random;
    private final LocalDate start;
    private final List<Story> pending = new ArrayList<>();
    private int story;
    private int article;

    /** @param seed the same seed gives the same articles; {@code start} is the first story's date */
    public SyntheticNews(long seed, LocalDate start) {
        this.random = new Random(seed);
        this.start = start;
    }

    /** The next {@code n} articles; ids are distinct within one generator. */
    public List<Story> next(int n) {
        List<Story> out = new ArrayList<>(n);
        while (out.size() < n) {
            if (pending.isEmpty()) {
                pending.addAll(nextStory());
            }
            out.add(pending.remove(0));
        }
        return out;
    }

    private List<Story> nextStory() {
        int s = story++;
        Leader actor = LEADERS.get(random.nextInt(LEADERS.size()));
        Leader other;
        do {
            other = LEADERS.get(random.nextInt(LEADERS.size()));
        } while (other == actor);
        // Stories are spread over time so that one leader's trips rarely collide, as in real news.
        LocalDate date = start.plusDays(s / 4L + random.nextInt(3));
        EventType type = switch (random.nextInt(10)) {
            case 0, 1 -> EventType.CALL;
            case 2, 3, 4 -> EventType.MEETING;
            default -> EventType.VISIT;
        };
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        List<Story> stories = new ArrayList<>();
        if (type == EventType.VISIT) {
            int reports = 1 + random.nextInt(3);
            EventStatus[] stages = {EventStatus.PLANNED, EventStatus.UNDERWAY, EventStatus.COMPLETED};
            int first = random.nextInt(stages.length - reports + 1);
            for (int i = first; i < first + reports; i++) {
                stories.add(visit(actor, other, date, stages[i], topic));
            }
        } else {
            stories.add(talks(type, actor, other, date, topic));
        }
        return stories;
    }

    private Story visit(Leader actor, Leader host, LocalDate date, EventStatus stage, String topic) {
        String who = actor.country.replace("the ", "") + " " + actor.title + " " + actor.name;
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        LocalDate published;
        String lead;
        String title;
        switch (stage) {
            case PLANNED -> {
                published = date.minusDays(6);
                lead = capitalize(who) + " will travel to " + host.capital + " next week for talks with "
                        + host.title + " " + host.name + " on " + topic + ".";
                title = actor.name + " to visit " + host.country.replace("the ", "");
            }
            case UNDERWAY -> {
                published = date;
                lead = capitalize(who) + " arrived in " + host.capital + " on " + weekday
                        + " for a two-day state visit, the first stop of a regional tour.";
                title = actor.name + " arrives in " + host.capital;
            }
            default -> {
                published = date.plusDays(2);
                lead = capitalize(who) + " ended a two-day visit to " + host.country + " on " + weekday
                        + " after talks with " + host.title + " " + host.name + " on " + topic + ".";
                title = actor.name + " wraps up " + host.demonym + " visit";
            }
        }
        return story(EventType.VISIT, stage, actor, host, host.iso, host.capital, date, published, title, lead, topic);
    }

    private Story talks(EventType type, Leader actor, Leader other, LocalDate date, String topic) {
        String who = actor.demonym + " " + actor.title + " " + actor.name;
        String lead = type == EventType.CALL
                ? capitalize(who) + " spoke by phone with " + other.title + " " + other.name + " of "
                        + other.country + " on " + topic + ", his office said."
                : capitalize(who) + " held talks with " + other.demonym + " " + other.title + " " + other.name
                        + " on the sidelines of a summit in " + actor.capital + " on " + topic + ".";
        String title = actor.name + (type == EventType.CALL ? " and " + other.name + " speak on " : " meets "
                + other.name + " on ") + topic;
        String host = type == EventType.CALL ? null : actor.iso;
        String location = type == EventType.CALL ? null : actor.capital;
        return story(type, EventStatus.COMPLETED, actor, other, host, location, date, date.plusDays(1), title, lead,
                topic);
    }

    private Story story(EventType type, EventStatus status, Leader actor, Leader other, String host,
            String location, LocalDate date, LocalDate published, String title, String lead, String topic) {
        int n = article++;
        String id = "syn-" + n;
        String source = SOURCES[random.nextInt(SOURCES.length)];
        StringBuilder text = new StringBuilder(6000).append(lead).append("\n\n");
        int target = 2048 + random.nextInt(4 * 1024 - 400);
        while (text.length() < target) {
            text.append(filler(actor, other, topic));
            text.append(random.nextInt(4) == 0 ? "\n\n" : " ");
        }
        String publishedAt = published.atTime(6 + random.nextInt(14), random.nextInt(60))
                .toInstant(ZoneOffset.UTC).toString();
        String url = "https://news.example.org/" + source.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + n;
        Article a = new Article(id, url, source, publishedAt, title, text.toString().strip(), "en", null);
        EventMention m = new EventMention(id, type, status, actor.principal(), List.of(other.principal()), host,
                location, null, date.toString(), null, new Evidence(lead, 0, lead.length()), 0.9, publishedAt, source,
                url, cameo(type), plover(type), null);
        return new Story(a, m);
    }

    /** One background sentence: {C} a country of the story, {T} a topic, {N} a number. */
    private String filler(Leader a, Leader b, String topic) {
        String sentence = FILLER[random.nextInt(FILLER.length)];
        StringBuilder out = new StringBuilder(sentence.length() + 40);
        int i = 0;
        for (int open = sentence.indexOf('{'); open >= 0; open = sentence.indexOf('{', i)) {
            out.append(sentence, i, open);
            out.append(switch (sentence.charAt(open + 1)) {
                case 'C' -> random.nextBoolean() ? a.country : b.country;
                case 'T' -> random.nextBoolean() ? topic : TOPICS[random.nextInt(TOPICS.length)];
                default -> Integer.toString(2 + random.nextInt(480));
            });
            i = open + 3;
        }
        return out.append(sentence, i, sentence.length()).toString();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String cameo(EventType type) {
        return switch (type) {
            case VISIT -> "042";
            case MEETING -> "043";
            case CALL -> "040";
            case AGREEMENT -> "057";
        };
    }

    private static Plover plover(EventType type) {
        return switch (type) {
            case VISIT -> new Plover("CONSULT", "visit");
            case MEETING -> new Plover("CONSULT", "meet");
            case CALL -> new Plover("CONSULT", "phone");
            case AGREEMENT -> new Plover("AGREE", null);
        };
    }
}
