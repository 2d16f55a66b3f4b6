#!/usr/bin/env python3
"""Refits the hybrid ranker's weights (HybridWeights) and its two logistic models (ConfidenceWeights) from candidate
dumps written by the benchmark project:

    dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --eval newsqa --dump dev.jsonl
    dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --eval newsqa --split seeds --dump seeds.jsonl
    dotnet run -c Release --project tests/BriefingBot.Benchmarks -- --eval wikiqa --split dev --dump wikiqa-dev.jsonl
    python3 tools/ranking/fit.py dev.jsonl seeds.jsonl [wikiqa-dev.jsonl ...]

Public dumps after the first two join the ranking fit only (they have no unanswerable questions to calibrate declines
on); their held-out mean average precision is reported beside the news top-1. Never pass the holdout split, nor a
test split of a public set. Pure Python (no numpy), about two minutes. See docs/ranking.md for the method.
"""
import json, math, random, sys

HYBRID = ['Similarity', 'SimilaritySquared', 'SimilarityGap', 'SimilarityRank', 'DetailSimilarity', 'DetailCoverage',
          'TitleSimilarity', 'NeighbourSimilarity', 'Lexical', 'LexicalRank', 'Article', 'TopArticle', 'Coverage',
          'ContextCoverage', 'Cue', 'NovelCue', 'ArticleTimesNovelCue', 'Lead', 'Fragment', 'ArticleTimesSimilarity',
          'CueTimesSimilarity', 'ArticleTimesDetailSimilarity', 'ArticleTimesDetailCoverage']
CONFIDENCE = ['BestSimilarity', 'BestDetailSimilarity', 'Bias', 'Score', 'Margin', 'Similarity', 'DetailSimilarity',
              'TitleSimilarity', 'Lexical', 'Coverage', 'DetailCoverage', 'NovelCue', 'UnknownNames', 'UnknownWords']
BIAS = CONFIDENCE.index('Bias')
COLUMNS = ['label', 'article', 'sim', 'tsim', 'nsim', 'lex', 'art', 'cov', 'ctx', 'cue', 'lead', 'frag', 'hv', 'sid',
           'dsim', 'dcov', 'novel']


def load(path):
    questions = []
    for line in open(path, encoding='utf-8'):
        q = json.loads(line)
        q['cands'] = [dict(zip(COLUMNS, c)) for c in q['candidates']]
        questions.append(q)
    return questions


def features(q):
    """Per candidate, the terms of HybridRanker.Score in HYBRID order (in-article ranks computed per article)."""
    by_article = {}
    for c in q['cands']:
        by_article.setdefault(c['article'], []).append(c)
    out = []
    for cs in by_article.values():
        sims = sorted((c['sim'] for c in cs), reverse=True)
        lexs = sorted((c['lex'] for c in cs), reverse=True)
        for c in cs:
            s, art, novel = c['sim'], c['art'], c.get('novel', 0)
            out.append((c, [s, s * s, s - sims[0], 1 / (1 + sims.index(s)), c['dsim'], c['dcov'], c['tsim'], c['nsim'],
                            c['lex'], 1 / (1 + lexs.index(c['lex'])) if c['lex'] > 0 else 0, art, 1 if art >= 1 else 0,
                            c['cov'], c['ctx'], c['cue'], novel, art * novel, c['lead'], c['frag'], art * s,
                            c['cue'] * s, art * c['dsim'], art * c['dcov']]))
    return out


def dot(w, x):
    return sum(a * b for a, b in zip(w, x))


def answerable(questions):
    out = []
    for q in questions:
        fx = features(q)
        if q['answerable'] and any(c['label'] for c, _ in fx):
            out.append((q, fx))
    return out


def train_pairwise(data, l2=0.003, epochs=30, rate=0.05, seed=1):
    """Each answering sentence against the 10 best-scoring and 10 random other candidates of its question."""
    rnd = random.Random(seed)
    w = [0.0] * len(HYBRID)
    w[0] = 1.0
    data = list(data)
    for _ in range(epochs):
        rnd.shuffle(data)
        for _, fx in data:
            positives = [x for c, x in fx if c['label']]
            negatives = sorted((x for c, x in fx if not c['label']), key=lambda x: -dot(w, x))
            negatives = negatives[:10] + rnd.sample(negatives, min(10, len(negatives)))
            for p in positives:
                for n in negatives:
                    g = -1 / (1 + math.exp(min(30, max(-30, dot(w, p) - dot(w, n)))))
                    for i in range(len(w)):
                        w[i] -= rate * (g * (p[i] - n[i]) + l2 * w[i])
    return w


def top1(w, data):
    return sum(max(fx, key=lambda t: dot(w, t[1]))[0]['label'] for _, fx in data) / len(data)


def confidence_rows(questions, w):
    rows = []
    for q in questions:
        fx = features(q)
        if not fx:
            rows.append(dict(x=None, answerable=int(q['answerable']), right=0))
            continue
        ranked = sorted(fx, key=lambda t: -dot(w, t[1]))
        best, score = ranked[0][0], dot(w, ranked[0][1])
        other = next((t for t in ranked[1:] if t[0]['article'] != best['article']), None)
        margin = score - (dot(w, other[1]) if other else 0)
        x = [max(c['sim'] for c, _ in fx), max(c['dsim'] for c, _ in fx), 1.0, score, margin, best['sim'], best['dsim'],
             best['tsim'], best['lex'], best['cov'], best['dcov'], best.get('novel', 0), min(q['unknownNames'], 2),
             min(q['unknownWords'], 2)]
        rows.append(dict(x=x, answerable=int(q['answerable']), right=best['label'] if q['answerable'] else 0))
    return rows


def train_logistic(rows, label, l2=0.01, iterations=1500, rate=0.5):
    """Full-batch gradient descent on standardised features, returned in the original units."""
    rows = [r for r in rows if r['x']]
    d = len(rows[0]['x'])
    mean = [0 if i == BIAS else sum(r['x'][i] for r in rows) / len(rows) for i in range(d)]
    sd = [1 if i == BIAS else max(1e-6, (sum((r['x'][i] - mean[i]) ** 2 for r in rows) / len(rows)) ** 0.5) for i in range(d)]
    xs = [[(r['x'][i] - mean[i]) / sd[i] for i in range(d)] for r in rows]
    ys = [r[label] for r in rows]
    b = [0.0] * d
    for _ in range(iterations):
        g = [0.0] * d
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-max(-30, min(30, dot(b, x)))))
            for i in range(d):
                g[i] += (p - y) * x[i]
        for i in range(d):
            b[i] -= rate * (g[i] / len(xs) + (0 if i == BIAS else l2 * b[i]))
    out = [b[i] / sd[i] for i in range(d)]
    out[BIAS] = b[BIAS] - sum(b[i] * mean[i] / sd[i] for i in range(d) if i != BIAS)
    return out


def probability(b, row):
    return 0.0 if not row['x'] else 1 / (1 + math.exp(-dot(b, row['x'])))


def average_precision(w, data):
    total = 0
    for _, fx in data:
        ranked = sorted(fx, key=lambda t: -dot(w, t[1]))
        hits, precision = 0, 0
        for i, (c, _) in enumerate(ranked):
            if c['label']:
                hits += 1
                precision += hits / (i + 1)
        total += precision / hits
    return total / len(data) if data else 0


def main(dev_path, seeds_path, public_paths):
    dev_q, seeds_q = load(dev_path), load(seeds_path)
    dev, seeds = answerable(dev_q), answerable(seeds_q)
    public = [q for path in public_paths for q in answerable(load(path))]
    cv, cv_public = [], []
    for rs in (5, 6, 7):
        random.seed(rs)
        shuffled, shuffled_public = list(dev), list(public)
        random.shuffle(shuffled)
        random.shuffle(shuffled_public)
        halves, public_halves = (shuffled[::2], shuffled[1::2]), (shuffled_public[::2], shuffled_public[1::2])
        for (train, test), (public_train, public_test) in zip((halves, halves[::-1]), (public_halves, public_halves[::-1])):
            fitted = train_pairwise(list(train) + seeds + list(public_train), seed=rs)
            cv.append(top1(fitted, test))
            cv_public.append(average_precision(fitted, public_test))
    w = train_pairwise(dev + seeds + public)
    print(f'ranking: dev top-1 on held-out halves {sum(cv) / len(cv):.3f}; fitted on all: dev {top1(w, dev):.3f}, seeds {top1(w, seeds):.3f}')
    if public:
        print(f'public sets: MAP on held-out halves {sum(cv_public) / len(cv_public):.3f}; fitted on all {average_precision(w, public):.3f}')
    print('HybridWeights:', json.dumps({n: round(v, 3) for n, v in zip(HYBRID, w)}))

    dev_rows, seed_rows = confidence_rows(dev_q, w), confidence_rows(seeds_q, w)
    right = train_logistic(dev_rows + seed_rows, 'right')
    able = train_logistic(dev_rows + seed_rows * 3, 'answerable')
    print('ConfidenceWeights.RightSentence:', json.dumps({n: round(v, 4) for n, v in zip(CONFIDENCE, right)}))
    print('ConfidenceWeights.Answerable:', json.dumps({n: round(v, 4) for n, v in zip(CONFIDENCE, able)}))
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        parts = []
        for name, rows in (('dev', dev_rows), ('seeds', seed_rows)):
            yes = [r for r in rows if r['answerable']]
            no = [r for r in rows if not r['answerable']]
            parts.append(f'{name}: answerable declined {sum(probability(able, r) < threshold for r in yes) / len(yes):.3f}, '
                         f'unanswerable declined {sum(probability(able, r) < threshold for r in no) / len(no):.3f}')
        print(f'threshold {threshold}: ' + '; '.join(parts))


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
