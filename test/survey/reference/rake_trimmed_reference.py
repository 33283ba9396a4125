"""Independent trimmed raking for rakeWeights' `bounds` (python3 + numpy).

Run: python3 test/survey/reference/rake_trimmed_reference.py > test/survey/reference/rake-trimmed-reference.json

Kolenikov (2014), Stata Journal 14(1), as ipfraking with relative trimming: one raking cycle
(Deming & Stephan 1940: scale each margin's categories to their targets, margin after margin),
then weights outside [lower, upper] x mean weight are set to the bound; repeat until every
margin is matched to 1e-13 of the total (or 20,000 cycles: bounds 0.3-3 cannot be met here). Written with numpy masks, no code shared with src/.
"""
import json
import numpy as np

rng = np.random.default_rng(20140101)
n = 200
region = rng.choice(['north', 'south', 'east', 'west'], size=n, p=[0.55, 0.25, 0.15, 0.05])
plan = rng.choice(['basic', 'pro'], size=n, p=[0.35, 0.65])
targets = {'region': {'north': 0.4, 'south': 0.3, 'east': 0.2, 'west': 0.1}, 'plan': {'basic': 0.7, 'pro': 0.3}}
columns = {'region': region, 'plan': plan}
total = 1.0
mean = total / n
cases = []
for lower, upper in [(0.0, 3.0), (0.2, 3.0), (0.0, 4.0), (0.3, 3.0)]:
    w = np.ones(n)
    converged = False
    for it in range(1, 20001):
        for m, t in targets.items():
            for c, target in t.items():
                mask = columns[m] == c
                w[mask] *= target / w[mask].sum()
        w = np.clip(w, lower * mean if lower > 0 else 0, upper * mean)
        worst = max(abs(w[columns[m] == c].sum() - target) for m, t in targets.items() for c, target in t.items())
        if worst <= 1e-13 * total:
            converged = True
            break
    cases.append({'lower': lower, 'upper': upper, 'converged': converged, 'iterations': it, 'maxResidual': worst, 'weights': w.tolist(),
                  'atBound': int(np.sum((w >= upper * mean * (1 - 1e-12)) | (w <= lower * mean * (1 + 1e-12)))) if lower > 0 else int(np.sum(w >= upper * mean * (1 - 1e-12)))})
print(json.dumps({'columns': {k: v.tolist() for k, v in columns.items()}, 'targets': targets, 'cases': cases}))
