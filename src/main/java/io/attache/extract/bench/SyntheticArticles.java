package io.attache.extract.bench;

import io.attache.extract.kb.City;
import io.attache.extract.kb.Country;
import io.attache.extract.kb.KnowledgeBase;
import io.attache.extract.kb.Person;
import io.attache.extract.kb.Role;
import io.attache.ingest.Article;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic synthetic news articles for the extraction benchmark: knowledge-base leaders, their countries'
 * capitals, event sentences of every type and status, and the filler prose, quotes, bylines and widgets of
 * real pages, sized between {@code minBytes} and {@code maxBytes}. Seeded, so runs are comparable.
 */
public final class SyntheticArticles {

    static final String[] EVENT = {
        "%1$s will travel to %4$s next week for talks with %2$s, officials in %5$s said on %6$s.",
        "%1$s arrived in %4$s on %6$s for a three-day state visit, the first by a leader of %3$s in a decade.",
        "%1$s met %2$s in %4$s on %6$s and the two signed an agreement on energy and trade cooperation.",
        "%1$s and %2$s spoke by telephone on %6$s about regional security, according to a statement.",
        "%2$s has invited %1$s to visit %3$s later this year, the foreign ministry said.",
        "%1$s will not attend the summit in %4$s next month and will send a deputy instead.",
        "%1$s may visit %4$s in %7$s, although no date has been set, diplomats said.",
        "%1$s cancelled a planned trip to %4$s, citing the situation at home.",
        "Last month, %1$s visited %4$s, where %2$s hosted a dinner in his honour.",
        "Leaders attending the forum in %4$s include %1$s and %2$s, according to the organisers.",
    };
    private static final String[] FILLER = {
        "Trade between the two countries has grown steadily over the past five years, driven by energy, minerals and agricultural exports.",
        "Analysts say the relationship has been tested by disputes over tariffs and fishing rights, but both sides have sought to keep channels open.",
        "\"We expect concrete results on infrastructure and investment,\" a senior official told reporters, speaking on condition of anonymity.",
        "The opposition criticised the government's foreign policy in parliament on Tuesday, calling for more attention to domestic priorities.",
        "Markets reacted calmly to the news, with the currency little changed against the dollar in afternoon trading.",
        "Officials said the agenda would also cover climate finance, migration and the reform of international lenders.",
        "The ministry did not respond to a request for comment on the timing of the announcement.",
        "Economists expect growth of around three percent this year, slightly below earlier forecasts.",
        "Human rights groups urged the government to raise the cases of detained journalists during the talks.",
        "A joint business forum is expected to bring together more than two hundred companies from both countries.",
    };
    private static final String[] BOILER = {"Loading", "Advertisement", "Post Comment", "Share this article",
        "Sign up for our newsletter", "Most Read", "24°C Partly cloudy"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    private static final String[] MONTHS = {"January", "March", "May", "June", "September", "October", "December"};

    private final List<Person> leaders = new ArrayList<>();
    private final KnowledgeBase kb;
    private final Random random;

    public SyntheticArticles(KnowledgeBase kb, long seed) {
        this.kb = kb;
        this.random = new Random(seed);
        LocalDate day = LocalDate.of(2026, 6, 1);
        for (Person p : kb.people()) {
            for (Role r : p.roles()) {
                if (r.heldOn(day) && r.country() != null && kb.country(r.country()) != null
                        && ("HEAD_OF_STATE".equals(r.kind()) || "HEAD_OF_GOVERNMENT".equals(r.kind())
                        || "FOREIGN_MINISTER".equals(r.kind()))) {
                    leaders.add(p);
                    break;
                }
            }
        }
        if (leaders.size() < 2) {
            throw new IllegalStateException("the knowledge base has fewer than two current leaders to write about");
        }
    }

    public Article next(int n, int minBytes, int maxBytes) {
        int target = minBytes + random.nextInt(Math.max(1, maxBytes - minBytes));
        Person a = leaders.get(random.nextInt(leaders.size()));
        Person b = leaders.get(random.nextInt(leaders.size()));
        Country home = kb.country(a.country());
        Country dest = kb.country(b.country());
        String destCity = capital(dest);
        String homeCity = capital(home);
        StringBuilder text = new StringBuilder(target + 512);
        text.append(homeCity.toUpperCase()).append(" — ");
        text.append(sentence(a, b, home, destCity, homeCity)).append('\n');
        text.append("By Staff Reporter ").append(n).append('\n');
        while (text.length() < target) {
            int r = random.nextInt(10);
            if (r < 3) {
                text.append(sentence(a, b, home, destCity, homeCity));
            } else if (r < 9) {
                text.append(FILLER[random.nextInt(FILLER.length)]).append(' ')
                        .append(FILLER[random.nextInt(FILLER.length)]).append(" (").append(random.nextInt(1000)).append(')');
            } else {
                text.append(BOILER[random.nextInt(BOILER.length)]);
            }
            text.append('\n');
        }
        String published = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)).toString();
        return new Article("bench-" + n, "https://bench.attache.invalid/" + n, "bench", published, null,
                text.toString(), "en", null);
    }

    private String sentence(Person a, Person b, Country home, String destCity, String homeCity) {
        return fill(EVENT[random.nextInt(EVENT.length)], a.name(), b.name(), home == null ? "the country"
                : home.name(), destCity, homeCity, WEEKDAYS[random.nextInt(WEEKDAYS.length)],
                MONTHS[random.nextInt(MONTHS.length)]);
    }

    /**
     * The template with each {@code %n$s} replaced by the n-th value, as String.format would, without its
     * regular-expression parser: the benchmark writes its warm-up articles between extractions, and that
     * parser's compilation would compete with the extractor's for the JIT.
     */
    static String fill(String template, String... values) {
        StringBuilder b = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '%' && i + 3 < template.length() && template.charAt(i + 2) == '$' && template.charAt(i + 3) == 's') {
                b.append(values[template.charAt(i + 1) - '1']);
                i += 4;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private String capital(Country c) {
        if (c == null) {
            return "Geneva";
        }
        if (c.capital() != null) {
            return c.capital();
        }
        for (City city : kb.cities()) {
            if (c.code().equals(city.country())) {
                return city.name();
            }
        }
        return c.name();
    }
}
