#!/usr/bin/env python3
"""Writes the weights printed by fit.py into HybridWeights.cs and ConfidenceWeights.cs:

    python3 tools/ranking/fit.py dev.jsonl seeds.jsonl wikiqa-dev.jsonl > fit.txt
    python3 tools/ranking/apply.py fit.txt
"""
import json, re, sys

ROOT = 'src/BriefingBot.Core/Semantics/'


def weights(text, name):
    return json.loads(re.search(re.escape(name) + r': (\{.*\})', text).group(1))


def main(path):
    text = open(path, encoding='utf-8').read()
    hybrid_path = ROOT + 'HybridWeights.cs'
    source = open(hybrid_path, encoding='utf-8').read()
    for name, value in weights(text, 'HybridWeights').items():
        source, count = re.subn(r'(public double ' + name + r' \{ get; init; \} = )-?[0-9.]+;', rf'\g<1>{value:.3f};', source)
        assert count == 1, name
    open(hybrid_path, 'w', encoding='utf-8').write(source)

    confidence_path = ROOT + 'ConfidenceWeights.cs'
    source = open(confidence_path, encoding='utf-8').read()
    for model in ('RightSentence', 'Answerable'):
        start = source.index(f'public static ConfidenceWeights {model} ')
        end = source.index('};', start)
        block = source[start:end]
        for name, value in weights(text, 'ConfidenceWeights.' + model).items():
            block, count = re.subn(r'(\b' + name + r' = )-?[0-9.]+,', rf'\g<1>{value:.4f},', block)
            assert count == 1, (model, name)
        source = source[:start] + block + source[end:]
    open(confidence_path, 'w', encoding='utf-8').write(source)


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
