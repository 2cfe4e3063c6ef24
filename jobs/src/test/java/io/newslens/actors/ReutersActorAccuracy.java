package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import io.newslens.config.ActorsOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Article-level country detection against Reuters-21578's gold places. Predicted countries of an article: the
 * countries of its resolved mentions (a city, state, capital, body or person counts for its country), either
 * any mention or only salient ones (in the title, dateline or lead, or with two or more mentions of that country).
 * Used by {@link ReutersActorAccuracyTest}; {@code main} prints the table of docs/actors.md.
 */
public final class ReutersActorAccuracy {
    /** Reuters place names that are not a country name in the dictionary (historical or abbreviated). */
    static final Map<String, String> GOLD = Map.ofEntries(Map.entry("usa", "USA"), Map.entry("uk", "GBR"),
            Map.entry("ussr", "SUN"), Map.entry("west-germany", "DEU"), Map.entry("east-germany", "DEU"),
            Map.entry("uae", "ARE"), Map.entry("ivory-coast", "CIV"), Map.entry("burma", "MMR"), Map.entry("zaire", "COD"),
            Map.entry("kampuchea", "KHM"), Map.entry("czechoslovakia", "CZE"), Map.entry("yugoslavia", "YUG"),
            Map.entry("south-korea", "KOR"), Map.entry("north-korea", "PRK"), Map.entry("trinidad-tobago", "TTO"),
            Map.entry("netherlands-antilles", "CUW"), Map.entry("yemen-arab-republic", "YEM"),
            Map.entry("yemen-demo-republic", "YEM"), Map.entry("western-samoa", "WSM"), Map.entry("vatican", "VAT"),
            Map.entry("us-virgin-islands", "VIR"), Map.entry("british-virgin-islands", "VGB"), Map.entry("congo", "COG"),
            Map.entry("hong-kong", "HKG"), Map.entry("macao", "MAC"), Map.entry("taiwan", "TWN"), Map.entry("swaziland", "SWZ"));

    public record Scores(long tp, long fp, long fn) {
        double precision() {
            return tp / (double) (tp + fp);
        }

        double recall() {
            return tp / (double) (tp + fn);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        Scores plus(Scores o) {
            return new Scores(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    public record Result(long articles, Map<String, Scores> any, Map<String, Scores> salient, Scores anyMicro, Scores salientMicro) {
    }

    static String goldCode(String slug, Map<String, String> countryByName) {
        String code = GOLD.get(slug);
        return code != null ? code : countryByName.get(slug.replace('-', ' '));
    }

    public static Result evaluate(SparkSession spark, String reutersJsonl) {
        Dictionary dictionary = Dictionary.load(true, List.of());
        Map<String, String> countryByName = new HashMap<>();
        for (Dictionary.Actor a : dictionary.actors()) {
            if (a.type().equals("country")) {
                for (String n : a.aliases()) {
                    countryByName.putIfAbsent(n.toLowerCase(Locale.ROOT), a.actorId());
                }
            }
        }
        Dataset<Row> articles = spark.read().json(reutersJsonl).filter(col("text").isNotNull().and(col("text").notEqual("")));
        Dataset<Row> analysed = articles.select(col("id"), col("gold_places"),
                Actors.analyse(col("title"), col("dateline"), col("text"), lit("en"), to_date(col("published")), Actors.share(dictionary),
                        ActorsOptions.defaults()).getField("mentions").as("m"))
                .selectExpr("id", "gold_places", "transform(filter(m, x -> x.country_code IS NOT NULL AND x.actor_id IS NOT NULL), "
                        + "x -> struct(x.country_code AS c, x.zone AS zone)) AS m");
        Map<String, Scores> any = new TreeMap<>();
        Map<String, Scores> salient = new TreeMap<>();
        long n = 0;
        // ~19k small rows: this evaluation is a test/benchmark tool, not a job.
        for (Row r : analysed.collectAsList()) {
            n++;
            Set<String> gold = new HashSet<>();
            for (Object g : r.getList(1)) {
                String code = goldCode((String) g, countryByName);
                gold.add(code == null ? "?" + g : code);
            }
            Map<String, Integer> mentions = new HashMap<>();
            Set<String> prominent = new HashSet<>();
            for (Object o : r.getList(2)) {
                Row m = (Row) o;
                mentions.merge(m.getString(0), 1, Integer::sum);
                if (!m.getString(1).equals("body")) {
                    prominent.add(m.getString(0));
                }
            }
            Set<String> predictedSalient = new HashSet<>(prominent);
            mentions.forEach((c, k) -> {
                if (k >= 2) {
                    predictedSalient.add(c);
                }
            });
            score(gold, mentions.keySet(), any);
            score(gold, predictedSalient, salient);
        }
        return new Result(n, any, salient, micro(any), micro(salient));
    }

    private static void score(Set<String> gold, Set<String> predicted, Map<String, Scores> per) {
        for (String c : predicted) {
            per.merge(c, gold.contains(c) ? new Scores(1, 0, 0) : new Scores(0, 1, 0), Scores::plus);
        }
        for (String c : gold) {
            if (!predicted.contains(c)) {
                per.merge(c, new Scores(0, 0, 1), Scores::plus);
            }
        }
    }

    private static Scores micro(Map<String, Scores> per) {
        Scores total = new Scores(0, 0, 0);
        for (Scores s : per.values()) {
            total = total.plus(s);
        }
        return total;
    }

    public static String markdown(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Articles with text: %d%n%n", r.articles()));
        sb.append("| definition | precision | recall | F1 | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Object[] row : new Object[][] {{"any mention", r.anyMicro()}, {"salient", r.salientMicro()}}) {
            Scores s = (Scores) row[1];
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |%n", row[0], s.precision(),
                    s.recall(), s.f1(), s.tp(), s.fp(), s.fn()));
        }
        sb.append("\nPer country (salient definition; the 25 countries with most gold articles):\n\n");
        sb.append("| country | gold articles | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        List<Map.Entry<String, Scores>> top = new ArrayList<>(r.salient().entrySet());
        top.sort((a, b) -> Long.compare(b.getValue().tp() + b.getValue().fn(), a.getValue().tp() + a.getValue().fn()));
        for (Map.Entry<String, Scores> e : top.subList(0, Math.min(25, top.size()))) {
            Scores s = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", e.getKey(), s.tp() + s.fn(),
                    s.precision(), s.recall(), s.f1()));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        System.out.print(markdown(evaluate(spark, args[0])));
        spark.stop();
    }
}
