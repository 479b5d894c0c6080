package io.attache.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats one alert as one readable console line, for the demo and for tailing the {@code alerts} topic:
 * <pre>
 * NEW    Kim Jong Un → China (Beijing) · VISIT · PLANNED · 2025-09-03 · NBC News
 * STATUS Kim Jong Un → China (Beijing) · VISIT · PLANNED → COMPLETED · 2025-09-03 · NBC News
 * NEW    Emmanuel Macron with Xi Jinping · CALL · COMPLETED · 2025-10-01 · Reuters
 * </pre>
 * It reads the alert as JSON so that it does not depend on the alert record's Java type. Fields read
 * (all optional; a missing one is left out of the line): {@code kind} ({@code NEW_EVENT} or
 * {@code STATUS_CHANGED}), {@code previous_status}, {@code event.type}, {@code event.status},
 * {@code event.actor.name}, {@code event.host_country}, {@code event.location}, {@code event.date},
 * {@code event.participants[].name} (the actor is not repeated), {@code source}, and
 * {@code article_id} when there is no source.
 */
public final class AlertLine {

    private AlertLine() {
    }

    public static String format(JsonNode alert) {
        JsonNode event = alert.path("event");
        String kind = switch (text(alert.path("kind"))) {
            case "NEW_EVENT" -> "NEW   ";
            case "STATUS_CHANGED" -> "STATUS";
            default -> "ALERT ";
        };
        String actor = text(event.path("actor").path("name"));
        StringBuilder who = new StringBuilder(actor.isEmpty() ? "?" : actor);
        String host = text(event.path("host_country"));
        String location = text(event.path("location"));
        if (!host.isEmpty()) {
            who.append(" → ").append(host);
            if (!location.isEmpty() && !location.equalsIgnoreCase(host)) {
                who.append(" (").append(location).append(')');
            }
        } else if (!location.isEmpty()) {
            who.append(" → ").append(location);
        }
        List<String> others = new ArrayList<>();
        for (JsonNode p : event.path("participants")) {
            String name = text(p.path("name"));
            if (!name.isEmpty() && !name.equals(actor)) {
                others.add(name);
            }
        }
        if (!others.isEmpty()) {
            who.append(" with ").append(String.join(", ", others));
        }
        List<String> parts = new ArrayList<>();
        parts.add(kind + " " + who);
        add(parts, text(event.path("type")));
        String status = text(event.path("status"));
        String previous = text(alert.path("previous_status"));
        add(parts, !previous.isEmpty() && !status.isEmpty() && !previous.equals(status) ? previous + " → " + status : status);
        add(parts, text(event.path("date")));
        String source = text(alert.path("source"));
        add(parts, source.isEmpty() ? text(alert.path("article_id")) : source);
        return String.join(" · ", parts);
    }

    private static void add(List<String> parts, String value) {
        if (!value.isEmpty()) {
            parts.add(value);
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }
}
