package io.attache.pipeline.activity;

/** A leader's visits to one country that took place (underway or completed), and the latest one's date. */
public record CountryVisits(int visits, String lastDate) {
}
