#!/usr/bin/env python3
"""Writes the four notebooks from the cells below (edit here, run, commit both). Needs nbformat."""
import os
import nbformat as nbf

HERE = os.path.dirname(os.path.abspath(__file__))
SETUP = """import matplotlib.pyplot as plt
import pandas as pd
# Chinese topic labels need a CJK font; matplotlib falls back along this list (fonts-wqy-zenhei on Debian).
plt.rcParams["font.family"] = ["DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC"]
from newslens_reports import OUT, figure, manifest, report
pd.set_option("display.width", 140)
print("reports in", __import__("os").path.relpath(OUT, __import__("os").path.dirname(__import__("os").getcwd())))"""

NOTEBOOKS = {
    "00_overview": [
        ("md", "# What the run did\nCounts in, accepted, quarantined and duplicates, from the run manifest; time per stage; what the corpus holds."),
        ("code", SETUP),
        ("code", """m = manifest()
ingest, corpus = m["counts"]["ingest"], m["counts"]["corpus"]
assert m["status"] == "succeeded"
assert ingest["records_read"] == ingest["accepted"] + ingest["quarantined"], "every record is accepted or quarantined"
assert corpus["articles"] == ingest["accepted"]
pd.Series({"records read": ingest["records_read"], "accepted": ingest["accepted"], "quarantined": ingest["quarantined"],
           "exact duplicates": corpus["exact_duplicates"], "near duplicates": corpus["near_duplicates"],
           "analysed": corpus["analysed"]}, name="articles").to_frame()"""),
        ("code", """stages = pd.DataFrame([{"stage": s["name"], "seconds": s["seconds"]} for s in m["stages"]])
assert {"ingest", "corpus"} <= set(stages["stage"])
ax = stages.plot.barh(x="stage", y="seconds", legend=False, title="Time per stage (s)")
figure(ax.figure, "overview_stages")
stages"""),
        ("code", """articles = report("articles")
assert {"article_id", "source", "published_date", "language", "duplicate_of"} <= set(articles.columns)
assert len(articles) == ingest["accepted"]
articles.groupby(["source", "language"]).size().rename("articles").reset_index().sort_values("articles", ascending=False)"""),
        ("code", """quarantine = report("quarantine")
assert len(quarantine) == ingest["quarantined"]
quarantine.groupby("reason").size().rename("records") if len(quarantine) else "nothing quarantined\""""),
    ],
    "01_terms": [
        ("md", "# Terms\nTop terms, term trends over time by outlet, keyness and trending terms."),
        ("code", SETUP),
        ("code", """tf = report("term_frequencies")
assert {"term", "n", "source", "count", "doc_freq", "share_of_tokens", "period_start"} <= set(tf.columns)
unigrams = tf[tf["n"] == 1]
top = unigrams.groupby("term")["count"].sum().nlargest(15)
ax = top.sort_values().plot.barh(title="Top words (all outlets, all periods)")
figure(ax.figure, "terms_top")"""),
        ("code", """# Trend: in the outlet with the most dated periods, the five of its 50 commonest words whose monthly share
# varies most. Undated articles (period_start null) are their own bucket and have no place on a time axis.
dated = unigrams.dropna(subset=["period_start"])
if dated["period_start"].nunique() < 2:
    print("No trend: fewer than two dated periods; undated articles form the bucket with period_start null")
else:
    source = dated.groupby("source")["period_start"].nunique().idxmax()
    mine = dated[dated["source"] == source]
    common = mine.groupby("term")["count"].sum().nlargest(50).index
    # 0 where the outlet has articles but not the word; a gap (no line) in months without its articles.
    shares = mine[mine["term"].isin(common)].pivot_table(index="period_start", columns="term", values="share_of_tokens",
                                                          aggfunc="sum").fillna(0)
    words = (shares.std() / shares.mean()).nlargest(5).index
    shares = shares.reindex(pd.date_range(shares.index.min(), shares.index.max(), freq="MS"))
    ax = shares[words].plot(marker="o", title=f"Share of tokens by month: {source}")
    ax.set_xlabel("period"); ax.set_ylabel("share of tokens")
    figure(ax.figure, "terms_trend")"""),
        ("code", """keyness = report("keyness")
assert {"target", "reference", "term", "n", "g2", "log_ratio", "p_value"} <= set(keyness.columns)
target = keyness.groupby("target")["g2"].count().idxmax()
key = keyness[(keyness["target"] == target) & (keyness["log_ratio"] > 0) & (keyness["n"] == 1)].nlargest(12, "g2")
ax = key.sort_values("g2").plot.barh(x="term", y="g2", legend=False, title=f"Key words of {target} (G²)")
figure(ax.figure, "terms_keyness")"""),
        ("code", """# Keyword in context: the sentences behind that outlet's or period's key words.
kwic = report("kwic")
assert {"kind", "term", "target", "article_id", "source", "left", "match", "right"} <= set(kwic.columns)
pd.set_option("display.max_colwidth", 80)
kwic[(kwic["kind"] == "keyness") & (kwic["target"] == target)].head(8)[["term", "source", "published_date", "left", "match", "right"]]"""),
        ("code", """trending = report("trending_terms")
assert {"term", "n", "count", "z_score", "burst", "period_start"} <= set(trending.columns)
if trending.empty:
    print("trending_terms is empty: it needs dated articles in several periods (see the run's warnings)")
else:
    display(trending[trending["burst"]].sort_values("z_score", ascending=False).head(15)[["period_start", "term", "count", "expected", "z_score"]])"""),
    ],
    "02_topics": [
        ("md", "# Topics\nOne model per language. Top words per topic, prevalence over time and by outlet, how each topic's words change\nfrom period to period, coherence per topic."),
        ("code", SETUP),
        ("code", """topics, summary = report("topics"), report("topic_summary")
assert {"topic_id", "rank", "term", "weight"} <= set(topics.columns)
assert {"topic_id", "label", "prevalence", "coherence_npmi", "coherence_umass", "exclusivity", "effective_words"} <= set(summary.columns)
# One model per language: each model's prevalences sum to 1.
assert (summary.groupby("language")["prevalence"].sum() - 1).abs().max() < 1e-6
words = topics[topics["rank"] <= 8].sort_values("rank").groupby("topic_id")["term"].apply(" ".join)
summary.set_index("topic_id").join(words.rename("top words"))[["language", "label", "prevalence", "coherence_npmi", "top words"]].round(3)"""),
        ("code", """prevalence = report("topic_prevalence")
assert {"source", "topic_id", "articles", "mean_weight", "articles_dominant", "period_start"} <= set(prevalence.columns)
labels = summary.set_index("topic_id")["label"]
# Over time (all outlets): weight each outlet's mean by its articles.
prevalence["weighted"] = prevalence["mean_weight"] * prevalence["articles"]
dated = prevalence.dropna(subset=["period_start"])  # undated articles: the period_start-null bucket
if dated.empty:
    print("No topics over time: no article is dated; prevalence by outlet below covers every article")
else:
    by_period = dated.groupby(["period_start", "topic_id"])[["weighted", "articles"]].sum()
    heat = (by_period["weighted"] / by_period["articles"]).unstack("topic_id").fillna(0)
    heat.index = [d.strftime("%Y-%m") for d in heat.index]
    fig, ax = plt.subplots(figsize=(10, 4))
    im = ax.imshow(heat.T.values, aspect="auto", cmap="viridis")
    ax.set_yticks(range(len(heat.columns)), [f"{t}: {labels[t]}" for t in heat.columns], fontsize=8)
    ax.set_xticks(range(len(heat.index)), heat.index, rotation=45, fontsize=8)
    ax.set_title("Topic prevalence by month"); fig.colorbar(im, ax=ax, label="mean weight")
    figure(fig, "topics_heatmap_time")"""),
        ("code", """# Topics over time: where did a topic's words change most? (topic_terms_by_period; undated articles are not in it)
by_period = report("topic_terms_by_period")
assert {"topic_id", "period_start", "rank", "term", "weight", "shift", "new_in_period"} <= set(by_period.columns)
if by_period.empty:
    print("no dated articles: topic_terms_by_period is empty")
else:
    top5 = by_period[by_period["rank"] <= 5].sort_values("rank").groupby(["topic_id", "period_start"])
    shifts = top5.agg(words=("term", " ".join), shift=("shift", "first")).reset_index()
    shifts["label"] = shifts["topic_id"].map(summary.set_index("topic_id")["label"])
    display(shifts.dropna(subset=["shift"]).sort_values("shift", ascending=False).head(8).round(2))
"""),
        ("code", """by_source = prevalence.groupby(["source", "topic_id"])[["weighted", "articles"]].sum()
outlet = (by_source["weighted"] / by_source["articles"]).unstack("topic_id").fillna(0)
fig, ax = plt.subplots(figsize=(10, 4))
im = ax.imshow(outlet.values, aspect="auto", cmap="magma")
ax.set_yticks(range(len(outlet.index)), outlet.index, fontsize=8)
ax.set_xticks(range(len(outlet.columns)), outlet.columns)
ax.set_xlabel("topic"); ax.set_title("Topic prevalence by outlet (all articles)"); fig.colorbar(im, ax=ax)
figure(fig, "topics_heatmap_outlet")"""),
        ("code", """ax = summary.sort_values("coherence_npmi").plot.barh(x="label", y="coherence_npmi", legend=False,
                                                     title="Coherence (NPMI) per topic", figsize=(7, 4))
figure(ax.figure, "topics_coherence")"""),
    ],
    "03_actors": [
        ("md", "# Actors\nWho is mentioned, when, with whom, and in what tone."),
        ("code", SETUP + "\nimport networkx as nx"),
        ("code", """attention, nodes = report("actor_attention"), report("actor_network_nodes")
assert {"actor_id", "source", "articles", "mentions", "share_of_articles", "period_start"} <= set(attention.columns)
names = nodes.set_index("actor_id")["name"]
top = nodes.nlargest(6, "articles")["actor_id"]
dated = attention[attention["actor_id"].isin(top)].dropna(subset=["period_start"])
if dated["period_start"].nunique() < 2:
    # Undated (or one-period) corpus: attention by outlet instead of over time.
    by_outlet = (attention[attention["actor_id"].isin(top)].groupby(["source", "name"])["articles"].sum()
                 .unstack("name").fillna(0))
    ax = by_outlet.plot.barh(title="Articles mentioning each actor, by outlet", figsize=(8, 5))
else:
    # 0 in a month with articles but no mention of the actor; a gap in months without articles at all.
    months = sorted(attention["period_start"].dropna().unique())
    over_time = (dated.groupby(["period_start", "actor_id"])["articles"].sum().unstack("actor_id")
                 .reindex(months).fillna(0)
                 .reindex(pd.date_range(months[0], months[-1], freq="MS"))
                 .rename(columns=names))
    ax = over_time.plot(marker="o", title="Articles mentioning each actor, by month")
figure(ax.figure, "actors_attention")"""),
        ("code", """co = report("co_mentions")
assert {"scope", "period", "outlet", "actor_a", "actor_b", "count", "count_a", "count_b", "n", "pmi", "npmi", "jaccard", "g2",
        "tone", "tone_sentences"} <= set(co.columns)
edges = co[(co["scope"] == "article") & (co["period"] == "all") & (co["outlet"] == "all")]
assert len(edges) > 0
# The 30 most mentioned actors and their pairs seen at least twice: a map of who appears with whom.
size = nodes.set_index("actor_id")["articles"]
keep = set(size.nlargest(30).index)
g = nx.Graph()
for e in edges[edges["actor_a"].isin(keep) & edges["actor_b"].isin(keep) & (edges["count"] >= 2)].itertuples():
    g.add_edge(e.actor_a, e.actor_b, weight=e.count, npmi=e.npmi)
assert g.number_of_nodes() >= 5
fig, ax = plt.subplots(figsize=(10, 8))
pos = nx.kamada_kawai_layout(g)
nx.draw_networkx_edges(g, pos, ax=ax, width=[0.5 + 4 * max(d["npmi"], 0) for _, _, d in g.edges(data=True)],
                       edge_color="#888888", alpha=0.6)
nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[40 + 8 * size.get(n, 1) for n in g.nodes], node_color="#4c72b0", alpha=0.85)
nx.draw_networkx_labels(g, pos, ax=ax, labels={n: names.get(n, n) for n in g.nodes}, font_size=9)
ax.set_title("Top 30 actors co-mentioned in the same article (node: articles; edge width: NPMI)"); ax.axis("off")
figure(fig, "actors_network")"""),
        ("code", """strongest = edges[edges["count"] >= 3].sort_values("npmi", ascending=False).head(15)
strongest[["name_a", "name_b", "count", "npmi", "jaccard", "g2"]].round(3)"""),
        ("code", """# The sentences behind the most frequent sentence-level pair.
kwic = report("co_mention_kwic")
assert {"actor_a", "actor_b", "name_a", "name_b", "article_id", "left", "match", "right"} <= set(kwic.columns)
pd.set_option("display.max_colwidth", 80)
sentence_pairs = co[(co["scope"] == "sentence") & (co["period"] == "all")]
pairs = sentence_pairs[sentence_pairs["outlet"] == "all"].nlargest(1, "count")
if len(pairs):
    p = pairs.iloc[0]
    print(p["name_a"], "+", p["name_b"], ":", p["count"], "sentences")
    display(kwic[(kwic["actor_a"] == p["actor_a"]) & (kwic["actor_b"] == p["actor_b"])][["source", "published_date", "left", "match", "right"]])
    # The same pair outlet by outlet: how often each names both in one sentence, how strongly against its own base
    # rates (NPMI), and the tone of those sentences (English articles only).
    by_outlet = sentence_pairs[(sentence_pairs["actor_a"] == p["actor_a"]) & (sentence_pairs["actor_b"] == p["actor_b"])]
    display(by_outlet.set_index("outlet")[["count", "n", "npmi", "tone", "tone_sentences"]].sort_values("count", ascending=False).round(3))"""),
        ("code", """tone = report("actor_tone")
assert {"article_id", "actor_id", "sentences", "tone"} <= set(tone.columns)
mean_tone = tone.dropna(subset=["tone"]).groupby("actor_id")["tone"].agg(["mean", "count"])
mean_tone = mean_tone[mean_tone["count"] >= 3].sort_values("mean").rename(index=names)
ax = mean_tone["mean"].plot.barh(title="Mean tone of sentences mentioning each actor (VADER, -4..4)", figsize=(7, 5))
figure(ax.figure, "actors_tone")"""),
    ],
}

for name, cells in NOTEBOOKS.items():
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(src) if kind == "md" else nbf.v4.new_code_cell(src) for kind, src in cells]
    nbf.write(nb, os.path.join(HERE, name + ".ipynb"))
    print("wrote", name + ".ipynb")
