package io.newslens.config;

import java.util.List;

/**
 * The whole run configuration, as read from YAML/JSON and overridden by command-line options.
 *
 * @param inputs   what to read
 * @param output   the output folder: one sub-folder per report plus {@code _manifest.json}
 * @param timezone zone for dates written without one
 * @param ingest   ingest options
 * @param text     the shared text layer
 * @param terms    term reports and near-duplicates
 * @param topics   LDA topic models
 * @param actors   actor dictionary, mentions and co-mentions
 * @param since    incremental run: period-partitioned reports replace only the partitions of periods from the
 *                 one containing this date (yyyy-MM-dd) on; null = a full run
 */
public record NewslensConfig(List<InputSpec> inputs, String output, String timezone, IngestOptions ingest,
                             TextOptions text, TermsOptions terms, String since, TopicsOptions topics,
                             ActorsOptions actors) {

    public NewslensConfig {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        timezone = timezone == null ? "UTC" : timezone;
        ingest = ingest == null ? IngestOptions.defaults() : ingest;
        text = text == null ? TextOptions.defaults() : text;
        terms = terms == null ? TermsOptions.defaults() : terms;
        topics = topics == null ? TopicsOptions.defaults() : topics;
        actors = actors == null ? ActorsOptions.defaults() : actors;
    }

    public NewslensConfig(List<InputSpec> inputs, String output, String timezone, IngestOptions ingest) {
        this(inputs, output, timezone, ingest, null, null, null, null, null);
    }

    public static NewslensConfig empty() {
        return new NewslensConfig(null, null, null, null);
    }

    public NewslensConfig withInputs(List<InputSpec> newInputs) {
        return new NewslensConfig(newInputs, output, timezone, ingest, text, terms, since, topics, actors);
    }

    public NewslensConfig withOutput(String newOutput) {
        return new NewslensConfig(inputs, newOutput, timezone, ingest, text, terms, since, topics, actors);
    }

    public NewslensConfig withSince(String newSince) {
        return new NewslensConfig(inputs, output, timezone, ingest, text, terms, newSince, topics, actors);
    }

    public NewslensConfig withTimezone(String newTimezone) {
        return new NewslensConfig(inputs, output, newTimezone, ingest, text, terms, since, topics, actors);
    }

    public NewslensConfig withIngest(IngestOptions newIngest) {
        return new NewslensConfig(inputs, output, timezone, newIngest, text, terms, since, topics, actors);
    }

    public NewslensConfig withTopics(TopicsOptions newTopics) {
        return new NewslensConfig(inputs, output, timezone, ingest, text, terms, since, newTopics, actors);
    }

    public NewslensConfig withActors(ActorsOptions newActors) {
        return new NewslensConfig(inputs, output, timezone, ingest, text, terms, since, topics, newActors);
    }
}
