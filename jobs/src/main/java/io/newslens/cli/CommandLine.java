package io.newslens.cli;

import io.newslens.config.ConfigException;
import io.newslens.config.ConfigLoader;
import io.newslens.config.InputSpec;
import io.newslens.config.NewslensConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code newslens COMMAND [options]}: parsed, and turned into a validated config. */
public record CommandLine(String command, boolean help, String configFile, List<String> inputs, String format,
                          String preset, String output, String timezone, boolean keepDuplicates,
                          String since, List<Integer> k, String model, List<String> dictionaries,
                          Set<String> skip, Set<String> reports, boolean allowEmpty, boolean verbose, boolean force,
                          boolean refit) {

    /** ingest, each stage of {@link Stages}, and all. */
    public static final Set<String> COMMANDS = java.util.stream.Stream.concat(Stream.of("ingest", "all"),
            Stages.names().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static final String USAGE = """
            usage: newslens COMMAND [options]

            commands:
              ingest   read the inputs into the articles and quarantine reports
              terms    ingest, then near-duplicates and the term reports (frequencies, vocabulary,
                       TF-IDF, keyness, trending terms, collocations)
              topics   ingest, then near-duplicates and LDA topic models (topics, topic_summary,
                       article_topics, topic_prevalence, topic_model_selection, topic_model/)
              actors   ingest, then near-duplicates and the actor reports (dictionary, mentions, attention,
                       co-mentions, network + GEXF, candidates, tone)
              all      every stage: ingest, terms, topics and actors

            options:
              --config FILE       YAML or JSON config (see data/sample/newslens.yaml)
              --input PATH        file, folder or glob to read; repeat for several (replaces the config's inputs)
              --format FORMAT     auto, jsonl, json, csv, parquet or text (default auto: by file extension)
              --preset PRESET     field names: auto, canonical, news-please or newspaper3k (default auto)
              --output DIR        output folder: one sub-folder per report and _manifest.json
              --timezone ZONE     zone for dates written without one, and of published_date (default UTC)
              --keep-duplicates   keep articles marked as duplicates in downstream reports
              --since DATE        incremental: reports partitioned by period replace only the partitions from
                                  the period holding DATE on (older ones stay as they are); the rest are
                                  recomputed from all inputs
              --k K[,K...]        topics: number(s) of topics; several = compare them and keep the most coherent
              --model DIR         topics: score the inputs with a saved model (OUTPUT/topic_model of an earlier
                                  run) instead of fitting one; writes article_topics and topic_prevalence
              --refit             topics in a --since run: fit a new model instead of scoring with the published
                                  one (which it does while the new articles' vocabulary stays close to the model's)
              --dictionary FILE   actors: an extra actor dictionary (JSON Lines); repeat for several
              --skip STAGE[,...]  all: leave out terms, topics and/or actors
              --reports NAME[,...] write only these reports and those they are computed from (articles,
                                  quarantine and duplicates always); stages none of them needs do not run
              --allow-empty       publish (empty) reports when an input yields no records, instead of failing
              --force             recompute even when inputs, settings and newslens are unchanged since the
                                  published run (without it such a run republishes that run's reports at once)
              --verbose           on failure, print the whole stack trace (Spark's log file always has it)
              --help              this text

            exit codes: 0 done; 2 bad command line, config, input or output, found before any work starts;
                        1 the run failed (also: an input all quarantined, a mapped field empty everywhere,
                        no records at all); the previous reports stay in place
            """;

    public static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new ConfigException("command", "missing (one of " + String.join(", ", COMMANDS.stream().sorted().toList()) + ")");
        }
        String command = args[0];
        boolean help = false;
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            return new CommandLine(null, true, null, List.of(), null, null, null, null, false, null, null, null, List.of(),
                    Set.of(), Set.of(), false, false, false, false);
        }
        if (!COMMANDS.contains(command)) {
            throw new ConfigException("command", "unknown command '" + command + "' (one of "
                    + String.join(", ", COMMANDS.stream().sorted().toList()) + ")");
        }
        String configFile = null;
        String format = null;
        String preset = null;
        String output = null;
        String timezone = null;
        boolean keepDuplicates = false;
        boolean allowEmpty = false;
        boolean verbose = false;
        boolean force = false;
        boolean refit = false;
        String since = null;
        List<Integer> k = null;
        String model = null;
        List<String> dictionaries = new ArrayList<>();
        Set<String> skip = Set.of();
        Set<String> reports = Set.of();
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--keep-duplicates" -> keepDuplicates = true;
                case "--allow-empty" -> allowEmpty = true;
                case "--verbose" -> verbose = true;
                case "--force" -> force = true;
                case "--refit" -> refit = true;
                case "--config" -> configFile = value(args, ++i, a);
                case "--input" -> inputs.add(value(args, ++i, a));
                case "--format" -> format = value(args, ++i, a);
                case "--preset" -> preset = value(args, ++i, a);
                case "--output" -> output = value(args, ++i, a);
                case "--timezone" -> timezone = value(args, ++i, a);
                case "--since" -> since = value(args, ++i, a);
                case "--k" -> k = ks(value(args, ++i, a));
                case "--model" -> model = value(args, ++i, a);
                case "--dictionary" -> dictionaries.add(value(args, ++i, a));
                case "--skip" -> skip = skipped(command, value(args, ++i, a));
                case "--reports" -> reports = reports(command, value(args, ++i, a));
                default -> throw unknown(args, i, command);
            }
        }
        return new CommandLine(command, help, configFile, List.copyOf(inputs), format, preset, output, timezone,
                keepDuplicates, since, k, model, List.copyOf(dictionaries), skip, reports, allowEmpty, verbose, force, refit);
    }

    /** An argument no option takes; after {@code --input X}, most likely an unquoted glob the shell expanded. */
    private static ConfigException unknown(String[] args, int i, String command) {
        String a = args[i];
        if (a.startsWith("-")) {
            return new ConfigException(a, "unknown option (see 'newslens " + command + " --help')");
        }
        int j = i - 1;
        while (j >= 1 && !args[j].startsWith("-")) {
            j--;
        }
        if (j >= 1 && args[j].equals("--input") && i - j >= 2) {
            return new ConfigException(a, "unexpected argument after --input " + args[j + 1] + ": an unquoted glob"
                    + " is expanded by the shell into many paths; quote it (--input 'folder/*.txt') or repeat --input"
                    + " before each path");
        }
        return new ConfigException(a, "unexpected argument (options start with --; see 'newslens " + command + " --help')");
    }

    private static Set<String> reports(String command, String value) {
        Set<String> names = new java.util.LinkedHashSet<>(List.of(value.split(",")));
        List<String> written = ReportCatalog.writtenBy(command);
        for (String name : names) {
            if (!written.contains(name)) {
                throw new ConfigException("--reports", "'" + name + "' is not a report the " + command
                        + " command writes (" + String.join(", ", written) + ")");
            }
        }
        return Set.copyOf(names);
    }

    private static Set<String> skipped(String command, String value) {
        if (!command.equals("all")) {
            throw new ConfigException("--skip", "only the all command skips stages");
        }
        Set<String> stages = Set.of(value.split(","));
        for (String s : stages) {
            if (Stages.named(s) == null) {
                throw new ConfigException("--skip", "unknown stage '" + s + "' (" + String.join(", ", Stages.names()) + ")");
            }
        }
        return stages;
    }

    private static List<Integer> ks(String value) {
        List<Integer> result = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                result.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new ConfigException("--k", "'" + value + "' is not a list of whole numbers like 10,20,40");
            }
        }
        return List.copyOf(result);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ConfigException(option, "needs a value");
        }
        return args[i];
    }

    /** Whether this command runs the named stage: its own command, or {@code all} unless skipped. */
    public boolean runs(String stage) {
        return command.equals(stage) || command.equals("all") && !skip.contains(stage);
    }

    /** The config file (if any) with this command line's options on top, validated. */
    public NewslensConfig config() {
        NewslensConfig config = configFile == null ? NewslensConfig.empty() : ConfigLoader.load(Path.of(configFile));
        if (!inputs.isEmpty()) {
            config = config.withInputs(inputs.stream().map(InputSpec::of).toList());
        }
        if (format != null) {
            config = config.withInputs(config.inputs().stream().map(in -> in.withFormat(format)).toList());
        }
        if (preset != null) {
            config = config.withInputs(config.inputs().stream().map(in -> in.withPreset(preset)).toList());
        }
        if (output != null) {
            config = config.withOutput(output);
        }
        if (timezone != null) {
            config = config.withTimezone(timezone);
        }
        if (since != null) {
            config = config.withSince(since);
        }
        if (k != null) {
            config = config.withTopics(config.topics().withK(k));
        }
        if (model != null && !command.equals("topics")) {
            throw new ConfigException("--model", "only the topics command scores with a saved model");
        }
        if (refit && (model != null || config.since() == null || !(command.equals("topics") || command.equals("all")))) {
            throw new ConfigException("--refit", "refits the topic model of a --since run (topics or all) instead of scoring"
                    + " with the published one; without --since every topics run fits, and --model scores with the model given");
        }
        if (!dictionaries.isEmpty()) {
            List<String> all = new ArrayList<>(config.actors().dictionaries());
            all.addAll(dictionaries);
            config = config.withActors(config.actors().withDictionaries(all));
        }
        if (keepDuplicates) {
            config = config.withIngest(config.ingest().withKeepDuplicates(true));
        }
        if (allowEmpty) {
            config = config.withIngest(config.ingest().withAllowEmpty(true));
        }
        return ConfigLoader.validate(config);
    }
}
