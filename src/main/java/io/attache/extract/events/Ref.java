package io.attache.extract.events;

import io.attache.extract.Principal;

/**
 * Something named in a sentence, tokens [{@code start}, {@code end}): a principal ({@code principal} set),
 * a place ({@code country} set, {@code placeKind} COUNTRY, DEMONYM, CITY or SEAT), or a title
 * ({@code title} set, {@code country} the nationality written before it, if any).
 */
record Ref(int start, int end, Principal principal, String country, String placeKind, String title) {

    boolean person() {
        return principal != null;
    }

    boolean place() {
        return principal == null && title == null && country != null && !"DEMONYM".equals(placeKind);
    }
}
