package io.newslens.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a YAML or JSON config into {@link NewslensConfig} and validates it, naming the offending field. */
public final class ConfigLoader {
    public static final Set<String> FORMATS = Set.of("auto", "jsonl", "json", "csv", "parquet", "text");
    public static final Set<String> PRESETS = Set.of("auto", "canonical", "news-please", "newspaper3k");
    public static final java.util.List<String> CANONICAL_FIELDS = InputSpec.CANONICAL_FIELDS;

    private ConfigLoader() {
    }

    private static ObjectMapper mapper() {
        // YAML is a superset of JSON, so one reader takes both.
        return new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static NewslensConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", "no such file: " + file);
        }
        try {
            NewslensConfig config = mapper().readValue(file.toFile(), NewslensConfig.class);
            return config == null ? NewslensConfig.empty() : config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigException(fieldPath(e), "unknown key in " + file + " (known keys here: " + known + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(fieldPath(e), "invalid value in " + file + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException("--config", "cannot parse " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "config" : sb.toString();
    }

    /** Checks everything that can be checked without touching files or Spark. */
    public static NewslensConfig validate(NewslensConfig config) {
        if (config.inputs().isEmpty()) {
            throw new ConfigException("inputs", "no input given (use --input PATH or 'inputs:' in the config)");
        }
        if (config.output() == null || config.output().isBlank()) {
            throw new ConfigException("output", "no output folder given (use --output DIR or 'output:' in the config)");
        }
        checkZone("timezone", config.timezone());
        List<InputSpec> inputs = config.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec in = inputs.get(i);
            String at = "inputs[" + i + "]";
            if (in.path() == null || in.path().isBlank()) {
                throw new ConfigException(at + ".path", "missing");
            }
            if (!FORMATS.contains(in.format())) {
                throw new ConfigException(at + ".format", "unknown format '" + in.format() + "' (expected one of "
                        + String.join(", ", FORMATS.stream().sorted().toList()) + ")");
            }
            if (!PRESETS.contains(in.preset())) {
                throw new ConfigException(at + ".preset", "unknown preset '" + in.preset() + "' (expected one of "
                        + String.join(", ", PRESETS.stream().sorted().toList()) + ")");
            }
            for (String key : in.mapping().keySet()) {
                if (!CANONICAL_FIELDS.contains(key)) {
                    throw new ConfigException(at + ".mapping." + key, "not a canonical field (expected one of "
                            + String.join(", ", CANONICAL_FIELDS) + ")");
                }
            }
            if (in.timezone() != null) {
                checkZone(at + ".timezone", in.timezone());
            }
            if (in.csvDelimiter().isEmpty()) {
                throw new ConfigException(at + ".csv_delimiter", "must not be empty");
            }
            for (String pattern : in.dateFormat()) {
                try {
                    java.time.format.DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(at + ".date_format", "'" + pattern + "' is not a date pattern like dd/MM/yyyy ("
                            + e.getMessage() + ")");
                }
            }
            checkGlobs(at + ".include", in.include());
            checkGlobs(at + ".exclude", in.exclude());
            if (in.defaultPublished() != null) {
                try {
                    java.time.LocalDate.parse(in.defaultPublished());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ConfigException(at + ".default_published", "must be a date as yyyy-MM-dd, got '"
                            + in.defaultPublished() + "'");
                }
            }
        }
        IngestOptions ingest = config.ingest();
        if (ingest.quarantineRecordChars() < 100) {
            throw new ConfigException("ingest.quarantine_record_chars", "must be at least 100, got "
                    + ingest.quarantineRecordChars());
        }
        if (ingest.maxInvalidUtf8Share() < 0 || ingest.maxInvalidUtf8Share() > 1) {
            throw new ConfigException("ingest.max_invalid_utf8_share", "must be between 0 and 1, got "
                    + ingest.maxInvalidUtf8Share());
        }
        checkShare("ingest.warn_quarantined_share", ingest.warnQuarantinedShare());
        checkShare("ingest.warn_undated_share", ingest.warnUndatedShare());
        if (config.since() != null) {
            try {
                java.time.LocalDate.parse(config.since());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException("since", "'" + config.since() + "' is not a date like 2024-05-01");
            }
        }
        validateText(config.text());
        validateTerms(config.terms());
        validateTopics(config.topics());
        validateActors(config.actors());
        return config;
    }

    private static void validateText(TextOptions text) {
        for (String code : text.languages()) {
            if (!code.matches("[a-z]{2}")) {
                throw new ConfigException("text.languages", "'" + code + "' is not an ISO 639-1 code like en or zh");
            }
        }
        if (text.languages().isEmpty()) {
            throw new ConfigException("text.languages", "must name at least one language");
        }
        if (text.minTokenLength() < 1) {
            throw new ConfigException("text.min_token_length", "must be at least 1");
        }
    }

    private static void validateTerms(TermsOptions t) {
        if (t.ngramMax() < 2 || t.ngramMax() > 5) {
            throw new ConfigException("terms.ngram_max", "must be between 2 and 5 (bigrams feed the collocations), got " + t.ngramMax());
        }
        Period.of("terms.period", t.period());
        if (t.minDf() < 1) {
            throw new ConfigException("terms.min_df", "must be at least 1");
        }
        if (!(t.maxDf() > 0 && t.maxDf() <= 1)) {
            throw new ConfigException("terms.max_df", "must be a share in (0, 1], got " + t.maxDf());
        }
        if (t.maxVocabulary() < 1 || t.topK() < 1 || t.trendingWindow() < 1 || t.minhashTables() < 1) {
            throw new ConfigException("terms", "max_vocabulary, top_k, trending_window and minhash_tables must be positive");
        }
        if (!(t.nearDuplicateJaccard() > 0 && t.nearDuplicateJaccard() <= 1)) {
            throw new ConfigException("terms.near_duplicate_jaccard", "must be in (0, 1], got " + t.nearDuplicateJaccard());
        }
        if (t.keyness().isEmpty()) {
            throw new ConfigException("terms.keyness", "names no comparison (expected each_period, each_source, source or periods)");
        }
        if (t.keyness().contains("source") && t.keyness().contains("each_source")) {
            throw new ConfigException("terms.keyness", "'source' repeats one comparison of 'each_source': name one of them");
        }
        for (String mode : t.keyness()) {
            validateKeyness(t, mode);
        }
    }

    private static void validateKeyness(TermsOptions t, String mode) {
        switch (KeynessMode.of("terms.keyness", mode)) {
            case EACH_PERIOD, EACH_SOURCE -> { }
            case SOURCE -> {
                if (t.keynessTarget() == null) {
                    throw new ConfigException("terms.keyness_target", "keyness 'source' needs the target outlet");
                }
            }
            case PERIODS -> {
                for (String[] f : new String[][] {{"terms.keyness_target", t.keynessTarget()},
                        {"terms.keyness_reference", t.keynessReference()}}) {
                    if (f[1] == null || !f[1].matches("\\d{4}-\\d{2}-\\d{2}")) {
                        throw new ConfigException(f[0], "keyness 'periods' needs a period start as yyyy-MM-dd, got " + f[1]);
                    }
                }
            }
        }
    }

    private static void validateTopics(TopicsOptions t) {
        for (int k : t.k()) {
            if (k < 2 || k > 1000) {
                throw new ConfigException("topics.k", "each k must be between 2 and 1000, got " + k);
            }
        }
        Optimizer optimizer = Optimizer.of("topics.optimizer", t.optimizer());
        if (t.iterations() < 1) {
            throw new ConfigException("topics.iterations", "must be at least 1");
        }
        if (t.batchIterations() < 0) {
            throw new ConfigException("topics.batch_iterations", "must be 0 or more, got " + t.batchIterations());
        }
        if (!(t.subsamplingRate() > 0 && t.subsamplingRate() <= 1)) {
            throw new ConfigException("topics.subsampling_rate", "must be a share in (0, 1], got " + t.subsamplingRate());
        }
        if (!(t.learningDecay() > 0.5 && t.learningDecay() <= 1)) {
            throw new ConfigException("topics.learning_decay", "must be in (0.5, 1], got " + t.learningDecay());
        }
        if (t.learningOffset() <= 0) {
            throw new ConfigException("topics.learning_offset", "must be positive");
        }
        if (t.docConcentration() != null && t.docConcentration() <= 0
                || t.topicConcentration() != null && t.topicConcentration() <= 0) {
            throw new ConfigException("topics", "doc_concentration and topic_concentration must be positive");
        }
        if (optimizer == Optimizer.EM && (t.docConcentration() != null && t.docConcentration() <= 1
                || t.topicConcentration() != null && t.topicConcentration() <= 1)) {
            throw new ConfigException("topics", "the em optimizer needs doc_concentration and topic_concentration above 1 "
                    + "(leave them out for MLlib's defaults)");
        }
        if (t.minDf() < 1 || t.maxVocabulary() < 1 || t.minTokenLength() < 1 || t.topTerms() < 1) {
            throw new ConfigException("topics", "min_df, max_vocabulary, min_token_length and top_terms must be positive");
        }
        if (t.maxFitArticles() < 1 || t.minArticlesPerLanguage() < 1 || t.starts() < 1 || t.stabilitySeeds() < 0) {
            throw new ConfigException("topics", "max_fit_articles, min_articles_per_language and starts must be positive, stability_seeds 0 or more");
        }
        if (!(t.maxDf() > 0 && t.maxDf() <= 1)) {
            throw new ConfigException("topics.max_df", "must be a share in (0, 1], got " + t.maxDf());
        }
        if (!(t.heldOut() > 0 && t.heldOut() < 1)) {
            throw new ConfigException("topics.held_out", "must be a share in (0, 1), got " + t.heldOut());
        }
        if (!(t.articleTopicsMinWeight() >= 0 && t.articleTopicsMinWeight() < 1)) {
            throw new ConfigException("topics.article_topics_min_weight", "must be in [0, 1), got " + t.articleTopicsMinWeight());
        }
        if (t.refitDrift() < 0 || t.refitDrift() > 1) {
            throw new ConfigException("topics.refit_drift", "must be a share in [0, 1], got " + t.refitDrift());
        }
        Period.of("topics.period", t.period());
    }

    private static void validateActors(ActorsOptions a) {
        List<String> files = a.dictionaries();
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).contains("://") && !Files.isRegularFile(Path.of(files.get(i)))) {
                throw new ConfigException("actors.dictionaries[" + i + "]", "no such file: " + files.get(i));
            }
        }
        if (!a.builtin() && files.isEmpty()) {
            throw new ConfigException("actors.builtin", "false, and no actors.dictionaries given: there would be no actors");
        }
        if (a.minCount() < 1 || a.candidateMinCount() < 1) {
            throw new ConfigException("actors", "min_count and candidate_min_count must be at least 1");
        }
        Period.of("actors.period", a.period());
    }

    private static void checkShare(String field, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new ConfigException(field, "must be a share between 0 and 1, got " + share);
        }
    }

    private static void checkGlobs(String field, List<String> globs) {
        if (globs == null) {
            return;
        }
        for (String glob : globs) {
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(field, "'" + glob + "' is not a glob like *.json or **/2024-*/*.jsonl ("
                        + e.getMessage() + ")");
            }
        }
    }

    private static void checkZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException(field, "unknown time zone '" + zone + "' (use an IANA name like Europe/Berlin or an offset like +02:00)");
        }
    }
}
