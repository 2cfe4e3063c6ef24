package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Actors: the dictionary, matching and co-mention statistics.
 *
 * @param dictionaries          extra dictionary files (JSON Lines, one actor per line, see data/actors/README.md);
 *                              an actor_id already known replaces that actor, a new one is added
 * @param builtin               use the shipped dictionary (data/actors/actors.jsonl) under the user's files
 * @param capitals              read a capital as its government ("Beijing said"), recorded as metonym=capital
 * @param demonyms              read a demonym as its country ("Chinese officials"), recorded as metonym=demonym
 * @param minCount              co_mentions and the network: pairs need at least this many co-mentions
 * @param candidateMinCount     actor_candidates: phrases need at least this many articles
 * @param period                day, week or month
 * @param datelineField         the `extra` field holding a dateline ("WASHINGTON, March 3 -"), matched as its own zone
 * @param kwicExamples          co_mention_kwic: example sentences per pair
 * @param recognise             also recognise people, organisations and places the dictionary lacks (English and
 *                              Chinese): each becomes an actor of its own ({@code ner:per:...})
 */
public record ActorsOptions(
        List<String> dictionaries,
        Boolean builtin,
        Boolean capitals,
        Boolean demonyms,
        @JsonProperty("min_count") Integer minCount,
        @JsonProperty("candidate_min_count") Integer candidateMinCount,
        String period,
        @JsonProperty("dateline_field") String datelineField,
        @JsonProperty("kwic_examples") Integer kwicExamples,
        Boolean recognise) implements java.io.Serializable {

    public ActorsOptions {
        dictionaries = dictionaries == null ? List.of() : List.copyOf(dictionaries);
        builtin = builtin == null || builtin;
        capitals = capitals == null || capitals;
        demonyms = demonyms == null || demonyms;
        minCount = minCount == null ? 2 : minCount;
        candidateMinCount = candidateMinCount == null ? 3 : candidateMinCount;
        period = period == null ? "month" : period;
        datelineField = datelineField == null ? "dateline" : datelineField;
        kwicExamples = kwicExamples == null ? 3 : kwicExamples;
        recognise = recognise == null || recognise;
    }

    public static ActorsOptions defaults() {
        return new ActorsOptions(null, null, null, null, null, null, null, null, null, null);
    }

    public ActorsOptions withDictionaries(List<String> files) {
        return new ActorsOptions(files, builtin, capitals, demonyms, minCount, candidateMinCount, period, datelineField, kwicExamples, recognise);
    }
}
