package io.attache.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attache.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertLineTest {

    private static String line(String json) throws IOException {
        return AlertLine.format(Json.MAPPER.readTree(json));
    }

    @Test
    @DisplayName("a new event shows actor, host, place, type, status, date and source on one line")
    void newEvent() throws IOException {
        assertThat(line("""
                {"kind":"NEW_EVENT","previous_status":null,
                 "event":{"type":"VISIT","status":"PLANNED","actor":{"name":"Ana Ruiz"},"host_country":"Portugal",
                          "location":"Porto","date":"2026-02-10","participants":[{"name":"Ana Ruiz"}]},
                 "article_id":"a-1","source":"Harbour Times"}"""))
                .isEqualTo("NEW    Ana Ruiz → Portugal (Porto) · VISIT · PLANNED · 2026-02-10 · Harbour Times");
    }

    @Test
    @DisplayName("a status change shows the old and new status")
    void statusChange() throws IOException {
        assertThat(line("""
                {"kind":"STATUS_CHANGED","previous_status":"PLANNED",
                 "event":{"type":"VISIT","status":"CANCELLED","actor":{"name":"Ana Ruiz"},"host_country":"Portugal",
                          "location":"Portugal","date":"2026-02-10"},
                 "article_id":"a-2","source":"Harbour Times"}"""))
                .isEqualTo("STATUS Ana Ruiz → Portugal · VISIT · PLANNED → CANCELLED · 2026-02-10 · Harbour Times");
    }

    @Test
    @DisplayName("a call without host names the other participants; missing fields are left out, the article id stands in for a source")
    void sparse() throws IOException {
        assertThat(line("""
                {"kind":"NEW_EVENT","event":{"type":"CALL","status":"COMPLETED","actor":{"name":"Lee Min"},
                 "participants":[{"name":"Lee Min"},{"name":"Otto Berg"}]},"article_id":"a-3"}"""))
                .isEqualTo("NEW    Lee Min with Otto Berg · CALL · COMPLETED · a-3");
    }
}
