package io.attache.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.attache.extract.text.Fold;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores extracted mentions against gold lines by ANNOTATION.md section 6, with the same matching as
 * shared/tools/score.py: per article, gold lines with optional ones last, each taking the first unused
 * matching mention that preferably has the right status, then the right date.
 */
public final class MentionScorer {

    /** Figures of one run; rates are rounded to three decimals like score.py. */
    public record Result(int tp, int fp, int fn, double precision, double recall, double f1, double statusAcc,
            double dateAcc, Map<String, int[]> perType, List<JsonNode> misses, List<JsonNode> extras,
            List<JsonNode[]> wrong) {
    }

    private MentionScorer() {
    }

    public static Result score(List<JsonNode> gold, List<JsonNode> events) {
        Map<String, List<JsonNode>> byArticle = new LinkedHashMap<>();
        for (JsonNode e : events) {
            byArticle.computeIfAbsent(text(e.get("article_id")), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<JsonNode>> goldByArticle = new LinkedHashMap<>();
        for (JsonNode g : gold) {
            goldByArticle.computeIfAbsent(text(g.get("article")), k -> new ArrayList<>()).add(g);
        }
        Set<String> articles = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        articles.addAll(byArticle.keySet());
        articles.addAll(goldByArticle.keySet());
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int st = 0;
        int dt = 0;
        Map<String, int[]> perType = new TreeMap<>();
        List<JsonNode> misses = new ArrayList<>();
        List<JsonNode> extras = new ArrayList<>();
        List<JsonNode[]> wrong = new ArrayList<>();
        for (String art : articles) {
            List<JsonNode> evs = byArticle.getOrDefault(art, List.of());
            boolean[] used = new boolean[evs.size()];
            List<JsonNode> golds = new ArrayList<>(goldByArticle.getOrDefault(art, List.of()));
            golds.sort(Comparator.comparing(g -> g.path("optional").asBoolean(false)));
            for (JsonNode g : golds) {
                int best = -1;
                int bestRank = Integer.MAX_VALUE;
                for (int i = 0; i < evs.size(); i++) {
                    if (!used[i] && keyMatch(g, evs.get(i))) {
                        int rank = (statusOk(g, evs.get(i)) ? 0 : 2) + (dateOk(g, evs.get(i)) ? 0 : 1);
                        if (rank < bestRank) {
                            bestRank = rank;
                            best = i;
                        }
                    }
                }
                boolean optional = g.path("optional").asBoolean(false);
                if (best >= 0) {
                    used[best] = true;
                    if (optional) {
                        continue;
                    }
                    tp++;
                    perType.computeIfAbsent(text(g.get("type")), k -> new int[3])[0]++;
                    boolean s = statusOk(g, evs.get(best));
                    boolean d = dateOk(g, evs.get(best));
                    st += s ? 1 : 0;
                    dt += d ? 1 : 0;
                    if (!(s && d)) {
                        wrong.add(new JsonNode[] {g, evs.get(best)});
                    }
                } else if (!optional) {
                    fn++;
                    perType.computeIfAbsent(text(g.get("type")), k -> new int[3])[1]++;
                    misses.add(g);
                }
            }
            for (int i = 0; i < evs.size(); i++) {
                if (!used[i]) {
                    fp++;
                    perType.computeIfAbsent(text(evs.get(i).get("type")), k -> new int[3])[2]++;
                    extras.add(evs.get(i));
                }
            }
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Result(tp, fp, fn, round(p), round(r), round(f1), tp == 0 ? 0 : round((double) st / tp),
                tp == 0 ? 0 : round((double) dt / tp), perType, misses, extras, wrong);
    }

    /** Python's round(x, 3): half to even on the binary value. */
    static double round(double v) {
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static String norm(String name) {
        return Fold.name(name);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Set<String> spellings(JsonNode v) {
        Set<String> out = new HashSet<>();
        if (v == null || v.isNull()) {
            out.add("");
        } else if (v.isArray()) {
            v.forEach(x -> out.add(norm(x.isNull() ? null : x.asText())));
        } else {
            out.add(norm(v.asText()));
        }
        return out;
    }

    static String evName(JsonNode p) {
        if (p == null || p.isNull()) {
            return "";
        }
        if (p.isObject()) {
            JsonNode n = p.get("name");
            return n == null || n.isNull() ? null : n.asText();
        }
        return p.asText();
    }

    static Set<String> sysPeople(JsonNode e) {
        Set<String> names = new HashSet<>();
        JsonNode parts = e.get("participants");
        if (parts != null && parts.isArray()) {
            parts.forEach(p -> names.add(norm(evName(p))));
        }
        names.add(norm(evName(e.get("actor"))));
        names.remove("");
        return names;
    }

    static boolean keyMatch(JsonNode g, JsonNode e) {
        if (!text(g.get("type")).equals(text(e.get("type")))) {
            return false;
        }
        if ("VISIT".equals(text(g.get("type")))) {
            String host = e.path("host_country").isNull() ? "" : e.path("host_country").asText("");
            String gh = g.path("host").isNull() ? "" : g.path("host").asText("");
            return spellings(g.get("actor")).contains(norm(evName(e.get("actor")))) && host.equalsIgnoreCase(gh);
        }
        Set<String> people = sysPeople(e);
        List<Set<String>> gp = new ArrayList<>();
        gp.add(spellings(g.get("actor")));
        if (g.has("with")) {
            g.get("with").forEach(w -> gp.add(spellings(w)));
        }
        if (people.size() != gp.size()) {
            return false;
        }
        Set<String> used = new HashSet<>();
        for (Set<String> alts : gp) {
            String hit = null;
            for (String n : people) {
                if (alts.contains(n) && !used.contains(n)) {
                    hit = n;
                    break;
                }
            }
            if (hit == null) {
                return false;
            }
            used.add(hit);
        }
        return true;
    }

    static boolean statusOk(JsonNode g, JsonNode e) {
        String s = text(e.get("status"));
        for (JsonNode x : g.get("status")) {
            if (x.asText().equals(s)) {
                return true;
            }
        }
        return false;
    }

    static boolean dateOk(JsonNode g, JsonNode e) {
        JsonNode gd = g.get("date");
        if (gd == null || gd.isNull()) {
            return true;
        }
        JsonNode ed = e.get("date");
        String d = ed == null || ed.isNull() ? "" : ed.asText();
        return d.startsWith(gd.asText());
    }
}
