package io.attache.extract.events;

import io.attache.extract.EventStatus;
import io.attache.extract.EventType;
import io.attache.extract.Plover;
import io.attache.extract.Principal;
import java.util.List;

/**
 * CAMEO 2.0 codes and PLOVER type/mode for our events (the table is in the README). A CANCELLED event is
 * coded 125, like a DECLINED one: calling off an agreed trip or meeting withdraws from it, which CAMEO codes
 * as rejecting the proposal to meet, not as an intent (036) it no longer expresses.
 */
public final class Cameo {

    private Cameo() {
    }

    public static String code(EventType type, EventStatus status, String host, List<Principal> participants) {
        if (status == EventStatus.DECLINED || status == EventStatus.CANCELLED) {
            return "125";
        }
        if (status == EventStatus.SPECULATED || status == EventStatus.PLANNED || status == EventStatus.INVITED) {
            return "036";
        }
        return switch (type) {
            case VISIT -> "042";
            case CALL -> "041";
            case AGREEMENT -> "057";
            case MEETING -> thirdParty(host, participants) ? "044" : "040";
        };
    }

    public static Plover plover(EventType type, EventStatus status, String host, List<Principal> participants) {
        if (status == EventStatus.DECLINED || status == EventStatus.CANCELLED) {
            return new Plover("REJECT", type == EventType.VISIT ? "visit" : "meet");
        }
        return switch (type) {
            case VISIT -> new Plover("CONSULT", "visit");
            case CALL -> new Plover("CONSULT", "phone-call");
            case AGREEMENT -> new Plover("AGREE", "sign");
            case MEETING -> new Plover("CONSULT", thirdParty(host, participants) ? "third-party" : "meet");
        };
    }

    private static boolean thirdParty(String host, List<Principal> participants) {
        return host != null && participants.stream().noneMatch(p -> host.equals(p.country()));
    }
}
