package io.newslens.actors;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reports of the actors capability: names and declarations in one place. */
public final class ActorReports {
    public static final String PERIOD_START = "period_start";
    public static final String NETWORK_GEXF = "actor_network.gexf";
    private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType);
    public static final StructType ROLE = new StructType().add("code", DataTypes.StringType).add("valid_from", DataTypes.DateType)
            .add("valid_to", DataTypes.DateType).add("title", DataTypes.StringType);

    public static final ReportSpec ACTORS = ReportSpec.builder("actors",
                    "The actors of this run: the dictionary as it was used (the shipped one, data/actors/, with the user's files on top) "
                            + "and every recognised person, organisation and place it lacks (`origin` = `ner`, when `actors.recognise` is on).")
            .string("actor_id", "Actor key (ISO alpha-3 for countries, `XXX_GOV` for governments, ...; `ner:per:gina-raimondo` "
                    + "for a recognised entity: `ner:`, its type and its normalised name).")
            .string("name", "Canonical name.")
            .string("type", "country, igo, government body, party, company, person, group or place (cities and states); "
                    + "recognised entities: person, organization or place.")
            .string("country_code", "ISO alpha-3 code of the actor's country (null for international organisations).")
            .string("cameo_code", "CAMEO-style code when no dated role applies.")
            .column("aliases", STRINGS, "Names matched for it.")
            .column("demonyms", STRINGS, "Demonyms read as the country when `actors.demonyms` is on.")
            .column("capitals", STRINGS, "Capitals read as the government when `actors.capitals` is on.")
            .column("roles", DataTypes.createArrayType(ROLE), "Dated codes: `code` from `valid_from` (inclusive) to `valid_to` (exclusive; null = open).")
            .string("origin", "`newslens` or the user dictionary file it came from; `ner` for a recognised entity "
                    + "(name: its most frequent written form; aliases: every form found, surnames and acronyms included).")
            .build();

    public static final ReportSpec ACTOR_MENTIONS = ReportSpec.builder("actor_mentions",
                    "Every dictionary match, every recognised entity the dictionary lacks, and every mention resolved to one. Offsets refer to the normalised title, a blank line, the dateline and a blank "
                            + "line (when the article has one), then the normalised body.")
            .string("article_id", "Article.")
            .string("actor_id", "The actor; null when the alias is shared by several actors and the article does not say which (see `candidates`).")
            .string("name", "The actor's name (from the `actors` report).")
            .string("actor_code", "The actor's code on the article's date (a dated role, else its CAMEO code).")
            .string("country_code", "The actor's country.")
            .string("matched_text", "The text as written.")
            .string("metonym", "`capital` (read as the government), `demonym` (read as the country) or null.")
            .string("origin", "`dictionary`: a dictionary alias matched here (also when the article's other mentions chose "
                    + "among an ambiguous alias's actors); `ner`: a person, organisation or place recognised by the statistical "
                    + "model (English, Chinese) that no dictionary name covers; `resolved`: a later bare surname or given name of a person, or "
                    + "the acronym of an organisation (\"... Technology (NIST)\"), the article named in full.")
            .string("entity_type", "`PER` (person), `ORG` (company, party, government body, international organisation, group) "
                    + "or `LOC` (country, place); null when the actor is not known (ambiguous).")
            .string("zone", "title, dateline, lead (first body sentence) or body.")
            .column("sentence_idx", DataTypes.IntegerType, "Sentence number in the article, from 0 (the title is sentence 0 when there is one).")
            .column("char_start", DataTypes.IntegerType, "Start offset (inclusive).")
            .column("char_end", DataTypes.IntegerType, "End offset (exclusive).")
            .column("candidates", STRINGS, "The actors the alias can mean (one, unless ambiguous).")
            .string("source", "Outlet.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period (`actors.period`); null for undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    public static final ReportSpec ACTOR_ATTENTION = ReportSpec.builder("actor_attention",
                    "How much attention each actor gets per period and outlet; undated articles form their own bucket "
                            + "(period_start null).")
            .string("actor_id", "Actor.")
            .string("name", "The actor's name.")
            .string("source", "Outlet.")
            .column("articles", DataTypes.LongType, "Articles mentioning it.")
            .column("mentions", DataTypes.LongType, "Mentions.")
            .column("share_of_articles", DataTypes.DoubleType, "articles / all analysed articles of the period and outlet.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period; null for the undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    public static final ReportSpec CO_MENTIONS = ReportSpec.builder("co_mentions",
                    "Pairs of actors mentioned in the same unit (article or sentence), per period and over all, per outlet "
                            + "and over all, with association measures and the tone of the sentences naming both; pairs with "
                            + "`count` ≥ `actors.min_count`. Definitions in docs/actors.md.")
            .string("scope", "`article` or `sentence`: the unit.")
            .string("outlet", "`all`, or one outlet (the articles' `source`; articles without one count under `all` only): counts and n within that outlet's units.")
            .string("actor_a", "First actor (actor_a < actor_b).")
            .string("actor_b", "Second actor.")
            .string("name_a", "actor_a's name.")
            .string("name_b", "actor_b's name.")
            .column("count", DataTypes.LongType, "Units mentioning both.")
            .column("count_a", DataTypes.LongType, "Units mentioning actor_a.")
            .column("count_b", DataTypes.LongType, "Units mentioning actor_b.")
            .column("n", DataTypes.LongType, "All units in scope and period (also those without actors).")
            .column("pmi", DataTypes.DoubleType, "log2(count · n / (count_a · count_b)).")
            .column("npmi", DataTypes.DoubleType, "pmi / −log2(count / n), in [−1, 1].")
            .column("jaccard", DataTypes.DoubleType, "count / (count_a + count_b − count).")
            .column("g2", DataTypes.DoubleType, "Log-likelihood G² of the 2×2 table (Dunning 1993).")
            .column("tone", DataTypes.DoubleType, "Mean tone of the sentences (of this period and outlet) that name both actors: "
                    + "the mean of each such sentence's mean VADER valence (−4 to +4), over those holding a lexicon word; null "
                    + "if none does (always for articles not in English). The same for both scopes.")
            .column("tone_sentences", DataTypes.LongType, "Sentences naming both actors that hold a lexicon word (the tone's support).")
            .string("period", "`all`, or the period's first day (yyyy-MM-dd).")
            .partitionBy("period")
            .build();

    public static final ReportSpec NETWORK_NODES = ReportSpec.builder("actor_network_nodes",
                    "Nodes of the co-mention network: actors mentioned at least once. Also written as actor_network.gexf for Gephi.")
            .string("actor_id", "Actor.")
            .string("name", "Name.")
            .string("type", "Type.")
            .string("country_code", "Country.")
            .column("articles", DataTypes.LongType, "Articles mentioning it.")
            .column("mentions", DataTypes.LongType, "Mentions.")
            .build();

    /** co_mentions' rows of the `all` period, every column but the period: written as a copy of that partition's files. */
    public static final ReportSpec NETWORK_EDGES = allPeriods(ReportSpec.builder("actor_network_edges",
            "Edges of the co-mention network: the rows of co_mentions over all periods (its `all` partition, every column "
                    + "but `period`), per scope and outlet (`all` for every outlet together: the GEXF file's edges, `count` "
                    + "their weight). Definitions in docs/actors.md."));

    private static ReportSpec allPeriods(ReportSpec.Builder edges) {
        for (ReportSpec.Column c : CO_MENTIONS.columns()) {
            if (!CO_MENTIONS.partitionBy().contains(c.name())) {
                edges.column(c.name(), c.type(), c.description());
            }
        }
        return edges.build();
    }

    public static final ReportSpec CANDIDATES = ReportSpec.builder("actor_candidates",
                    "Names no dictionary actor covers, by the number of articles naming them: what to add to a dictionary. Recognised "
                            + "entities (English, Chinese, `actors.recognise`) and, in other languages, capitalised phrases of article bodies.")
            .string("phrase", "The name in full (a recognised entity's most frequent form).")
            .string("actor_id", "The recognised entity's actor (`ner:...`, as in actor_mentions); null for a capitalised phrase.")
            .column("articles", DataTypes.LongType, "Articles it occurs in (at least `actors.candidate_min_count`).")
            .column("mentions", DataTypes.LongType, "Occurrences, resolved surnames and acronyms included.")
            .string("suggested_type", "Recognised entities: person, organization or place (the type recognised most often). "
                    + "Phrases: company, government body, party, group, person or unknown, from its words.")
            .column("aliases", STRINGS, "Alias suggestions: the surnames and acronyms resolved to it in articles that named it in full.")
            .column("co_actors", STRINGS, "Up to 5 other actors most often in the same articles, most first (ties: alphabetical by actor_id; "
                    + "`ActorReportValuesTest.aCandidatesFirstFiveCoNamedActorsFromTheCellsOfSeveralGroups`).")
            .build();

    public static final ReportSpec ARTICLE_TONE = ReportSpec.builder("article_tone",
                    "Lexicon tone of each article: the mean VADER valence (−4 to +4) of its words found in the lexicon.")
            .string("article_id", "Article.")
            .string("title", "The article's title.")
            .string("url", "The article's URL (null when the input has none).")
            .column("tone", DataTypes.DoubleType, "Mean valence; null when no lexicon word occurs, and for articles not in English "
                    + "(the lexicon's language).")
            .column("tone_words", DataTypes.IntegerType, "Lexicon words found.")
            .column("sentences", DataTypes.IntegerType, "Sentences (title and dateline count as one each).")
            .string("source", "Outlet.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period; null for undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    public static final ReportSpec ACTOR_TONE = ReportSpec.builder("actor_tone",
                    "Tone around each actor in each article: the mean of the tones of the sentences mentioning it.")
            .string("article_id", "Article.")
            .string("actor_id", "Actor.")
            .string("name", "The actor's name.")
            .string("title", "The article's title.")
            .string("url", "The article's URL (null when the input has none).")
            .column("sentences", DataTypes.IntegerType, "Sentences mentioning it.")
            .column("tone", DataTypes.DoubleType, "Mean over those sentences that hold a lexicon word of their mean valence; null if none does "
                    + "(always for articles not in English).")
            .string("source", "Outlet.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period; null for undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    private ActorReports() {
    }

    public static final ReportSpec CO_MENTION_KWIC = ReportSpec.builder("co_mention_kwic",
                    "The sentences behind co_mentions: for every pair with a sentence-scope row over all periods, up to "
                            + "`actors.kwic_examples` sentences naming both (one per article, chosen by a hash of the article id). "
                            + "Offsets as in actor_mentions; the match runs from the first actor's mention to the other's end.")
            .string("actor_a", "First actor (actor_a < actor_b).")
            .string("actor_b", "Second actor.")
            .string("name_a", "actor_a's name.")
            .string("name_b", "actor_b's name.")
            .column("rank", DataTypes.IntegerType, "1 … `actors.kwic_examples` within the pair.")
            .string("article_id", "Article.")
            .string("source", "Outlet.")
            .column("published_date", DataTypes.DateType, "The article's date (null when undated).")
            .column("sentence_idx", DataTypes.IntegerType, "Sentence number, as in actor_mentions.")
            .column("sentence_start", DataTypes.IntegerType, "Start offset of the sentence.")
            .column("match_start", DataTypes.IntegerType, "Start of the earlier mention.")
            .column("match_end", DataTypes.IntegerType, "End of the later mention (exclusive).")
            .column("sentence_end", DataTypes.IntegerType, "End offset of the sentence (exclusive).")
            .string("left", "Up to 100 characters of the sentence before the match.")
            .string("match", "From the first mention to the end of the other, as written.")
            .string("right", "Up to 100 characters of the sentence after the match.")
            .build();

    /** This stage's reports, in the order it writes them. */
    public static final java.util.List<ReportSpec> ALL = java.util.List.of(ACTORS, ACTOR_MENTIONS, ACTOR_ATTENTION, CO_MENTIONS, CO_MENTION_KWIC, NETWORK_NODES, NETWORK_EDGES, CANDIDATES,
            ARTICLE_TONE, ACTOR_TONE);
}
