"""Independent reference values for compareGroups, trendTest, benchmarkTest, sampleSize and the
multiple-comparison kernel (python3 + numpy, scipy, statsmodels).

Run: python3 test/survey/reference/significance_reference.py > test/survey/reference/significance-reference.json

Nothing here calls cx-metrics. Each value comes from statsmodels / scipy or the textbook formula:
  corrections   statsmodels.stats.multitest.multipletests(method='holm' | 'fdr_bh')
  NPS tests     Wald z with V = p + d - (p - d)^2 (Rocks 2016), scipy.stats.norm; adjusted-Wald
                interval with 3/4, 3/2, 3/4 pseudo-answers
  CSAT tests    statsmodels proportions_ztest (pooled two-sample; one-sample with prop_var = p0),
                confint_proportions_2indep(method='wald'), proportion_confint(method='wilson')
  CES tests     scipy.stats.ttest_ind(equal_var=False) (Welch), statsmodels CompareMeans.tconfint_diff,
                scipy.stats.ttest_1samp, DescrStatsW.tconfint_mean
  trend         statsmodels WLS(y, [1, x], weights = 1/v).fit(cov_type='fixed scale') (known variances)
  sample size   closed forms with scipy.stats.norm / t; statsmodels normal_sample_size_one_tail and
                samplesize_proportions_2indep_onetail for the power formulas
"""
import json, math
import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep, proportion_confint, samplesize_proportions_2indep_onetail
from statsmodels.stats.weightstats import DescrStatsW, CompareMeans
from statsmodels.stats.power import normal_sample_size_one_tail
from statsmodels.regression.linear_model import WLS

import scipy, statsmodels
out = {'source': f'python {".".join(map(str, __import__("sys").version_info[:3]))}, numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}'}
norm = stats.norm

# ---------------------------------------------------------------- corrections
vectors = [
    [0.01, 0.04, 0.03, 0.005, 0.2],
    [0.5, 0.5, 0.01, 0.01, 0.02, 0.9],
    [0.0, 1.0, 0.3, 0.049, 0.051],
    [0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01, 0.011, 0.6],
    [0.7],
]
out['corrections'] = [
    {'p': v, 'holm': list(multipletests(v, method='holm')[1]), 'bh': list(multipletests(v, method='fdr_bh')[1])}
    for v in vectors
]

# ---------------------------------------------------------------- NPS helpers
def nps_stats(p_w, pa_w, d_w, n_eff):
    """Weighted category sums -> shares and effective n."""
    W = p_w + pa_w + d_w
    return p_w / W, d_w / W, n_eff

def nps_compare(a, b, level):
    """a, b: (promoter share, detractor share, n). Wald z test, adjusted-Wald interval."""
    pa, da, na = a
    pb, db, nb = b
    va = pa + da - (pa - da) ** 2
    vb = pb + db - (pb - db) ** 2
    diff = 100 * ((pa - da) - (pb - db))
    se = math.sqrt(va / na + vb / nb)
    z = diff / 100 / se
    p = 2 * norm.sf(abs(z))
    def adj(p_, d_, n_):
        n2 = n_ + 3
        return (p_ * n_ + 0.75) / n2, (d_ * n_ + 0.75) / n2, n2
    A, B = adj(*a), adj(*b)
    centre = (A[0] - A[1]) - (B[0] - B[1])
    ise = math.sqrt((A[0] + A[1] - (A[0] - A[1]) ** 2) / A[2] + (B[0] + B[1] - (B[0] - B[1]) ** 2) / B[2])
    zc = norm.ppf(1 - (1 - level) / 2)
    # standardError: the one the adjusted-Wald interval is built from (what the library reports);
    # waldStandardError: the one of the z test (z = difference / waldStandardError).
    return {'difference': diff, 'standardError': 100 * ise, 'waldStandardError': 100 * se, 'z': z, 'p': p,
            'lower': 100 * max(-2, centre - zc * ise), 'upper': 100 * min(2, centre + zc * ise)}

def counts_shares(c):
    P, Pa, D = c
    n = P + Pa + D
    return P / n, D / n, n

# ---------------------------------------------------------------- compareGroups, NPS (unweighted)
nps_groups = {'alpha': [30, 20, 10], 'beta': [25, 25, 25], 'delta': [10, 15, 30], 'gamma': [40, 10, 5], 'tiny': [3, 2, 1]}
def nps_groups_reference(groups, versus, correction, level, minimum):
    names = sorted(groups)
    total = [sum(groups[g][k] for g in names) for k in range(3)]
    rows = {}
    for g in names:
        c = groups[g]
        own = counts_shares(c)
        if versus == 'rest' or versus == 'overall':
            other = counts_shares([total[k] - c[k] for k in range(3)])
        else:
            if g == versus:
                rows[g] = {'status': 'reference'}
                continue
            other = counts_shares(groups[versus])
        if own[2] < minimum or other[2] < minimum:
            rows[g] = {'status': 'too-small'}
            continue
        r = nps_compare(own, other, level)
        if versus == 'overall':
            f = other[2] / (own[2] + other[2])
            overall = counts_shares(total)
            r = {**r, 'difference': 100 * ((own[0] - own[1]) - (overall[0] - overall[1])),
                 'standardError': f * r['standardError'], 'lower': f * r['lower'], 'upper': f * r['upper']}
        rows[g] = {'status': 'tested', **r}
    tested = [g for g in names if rows[g]['status'] == 'tested']
    adj = multipletests([rows[g]['p'] for g in tested], method={'holm': 'holm', 'benjamini-hochberg': 'fdr_bh'}[correction])[1]
    for g, a in zip(tested, adj):
        rows[g]['adjusted'] = a
    return rows

out['compareGroupsNps'] = {
    'groups': nps_groups,
    'cases': [
        {'versus': v, 'correction': c, 'level': lv, 'minimumSize': m, 'rows': nps_groups_reference(nps_groups, v, c, lv, m)}
        for v, c, lv, m in [('rest', 'holm', 0.95, 30), ('rest', 'benjamini-hochberg', 0.9, 30), ('overall', 'holm', 0.95, 30),
                            ('beta', 'holm', 0.95, 30), ('rest', 'holm', 0.95, 0)]
    ],
}

# ---------------------------------------------------------------- compareGroups, NPS weighted (Kish effective n)
rng = np.random.default_rng(20240515)
weighted = {}
for g, size in [('north', 80), ('south', 120), ('west', 60)]:
    scores = rng.integers(0, 11, size).tolist()
    weights = np.round(rng.uniform(0.5, 2.5, size), 3).tolist()
    weighted[g] = {'scores': scores, 'weights': weights}
def w_summary(items):
    s = np.array([x for x, _ in items]); w = np.array([y for _, y in items])
    W = w.sum()
    p = w[s >= 9].sum() / W; d = w[s <= 6].sum() / W
    return p, d, W * W / (w * w).sum()
rows = {}
names = sorted(weighted)
for g in names:
    own = w_summary(list(zip(weighted[g]['scores'], weighted[g]['weights'])))
    rest = w_summary([pair for h in names if h != g for pair in zip(weighted[h]['scores'], weighted[h]['weights'])])
    rows[g] = nps_compare(own, rest, 0.95)
adj = multipletests([rows[g]['p'] for g in names], method='holm')[1]
for g, a in zip(names, adj):
    rows[g]['adjusted'] = a
out['compareGroupsNpsWeighted'] = {'groups': weighted, 'rows': rows}

# ---------------------------------------------------------------- compareGroups, CSAT
csat_groups = {'app': [70, 100], 'email': [40, 60], 'phone': [90, 150], 'web': [150, 180]}
names = sorted(csat_groups)
rows = {}
for g in names:
    x, n = csat_groups[g]
    xr = sum(csat_groups[h][0] for h in names if h != g); nr = sum(csat_groups[h][1] for h in names if h != g)
    z, p = proportions_ztest([x, xr], [n, nr])
    lo, hi = confint_proportions_2indep(x, n, xr, nr, method='wald', compare='diff', alpha=0.05)
    # The unpooled standard error of the Wald interval: its half-width over norm.ppf(0.975).
    rows[g] = {'difference': x / n - xr / nr, 'standardError': (hi - lo) / 2 / norm.ppf(0.975), 'z': z, 'p': p, 'lower': lo, 'upper': hi}
for corr, m in [('holm', 'holm'), ('benjamini-hochberg', 'fdr_bh')]:
    adj = multipletests([rows[g]['p'] for g in names], method=m)[1]
    for g, a in zip(names, adj):
        rows[g][corr] = a
out['compareGroupsCsat'] = {'groups': csat_groups, 'rows': rows}

# ---------------------------------------------------------------- compareGroups, CES (Welch)
ces_groups = {}
for g, size, centre in [('billing', 45, 4.6), ('claims', 70, 5.3), ('onboarding', 38, 5.0), ('returns', 52, 4.2)]:
    ces_groups[g] = np.clip(np.round(rng.normal(centre, 1.4, size)), 1, 7).astype(int).tolist()
names = sorted(ces_groups)
rows = {}
for g in names:
    a = np.array(ces_groups[g], float)
    b = np.array([x for h in names if h != g for x in ces_groups[h]], float)
    t, p = stats.ttest_ind(a, b, equal_var=False)
    cm = CompareMeans(DescrStatsW(a), DescrStatsW(b))
    lo, hi = cm.tconfint_diff(alpha=0.05, usevar='unequal')
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    rows[g] = {'difference': a.mean() - b.mean(), 'standardError': cm.std_meandiff_separatevar, 't': t, 'df': df, 'p': p, 'lower': lo, 'upper': hi}
adj = multipletests([rows[g]['p'] for g in names], method='holm')[1]
for g, a in zip(names, adj):
    rows[g]['adjusted'] = a
out['compareGroupsCes'] = {'groups': ces_groups, 'rows': rows}

# ---------------------------------------------------------------- trendTest, NPS by month (one gap, one small month)
months = [['2024-01', [40, 30, 30]], ['2024-02', [48, 28, 34]], ['2024-03', [8, 6, 6]], ['2024-05', [60, 25, 25]],
          ['2024-06', [70, 20, 20]], ['2024-07', [66, 30, 24]]]
index = {'2024-01': 0, '2024-02': 1, '2024-03': 2, '2024-05': 4, '2024-06': 5, '2024-07': 6}
def trend_reference(correction, minimum):
    rows = []
    prev = None
    for label, c in months:
        own = counts_shares(c)
        row = {'period': label}
        if prev is None:
            row['status'] = 'first'
        elif own[2] < minimum or counts_shares(prev[1])[2] < minimum:
            row['status'] = 'too-small'
        else:
            r = nps_compare(own, counts_shares(prev[1]), 0.95)
            row.update({'status': 'tested', 'previous': prev[0], **r})
        rows.append(row)
        prev = (label, c)
    tested = [r for r in rows if r['status'] == 'tested']
    adj = multipletests([r['p'] for r in tested], method={'holm': 'holm', 'benjamini-hochberg': 'fdr_bh'}[correction])[1]
    for r, a in zip(tested, adj):
        r['adjusted'] = a
    used = [(label, c) for label, c in months if sum(c) >= minimum]
    x = np.array([index[l] - index[used[0][0]] for l, _ in used], float)
    y = np.array([100 * (counts_shares(c)[0] - counts_shares(c)[1]) for _, c in used])
    v = np.array([1e4 * (counts_shares(c)[0] + counts_shares(c)[1] - (counts_shares(c)[0] - counts_shares(c)[1]) ** 2) / sum(c) for _, c in used])
    fit = WLS(y, np.column_stack([np.ones_like(x), x]), weights=1 / v).fit(cov_type='fixed scale')
    zc = norm.ppf(0.975)
    trend = {'slope': fit.params[1], 'standardError': fit.bse[1], 'z': fit.tvalues[1], 'p': fit.pvalues[1],
             'intercept': fit.params[0], 'lower': fit.params[1] - zc * fit.bse[1], 'upper': fit.params[1] + zc * fit.bse[1], 'periods': len(used)}
    return {'rows': rows, 'trend': trend}
out['trendNps'] = {'months': months, 'cases': [
    {'correction': 'holm', 'minimumSize': 30, **trend_reference('holm', 30)},
    {'correction': 'benjamini-hochberg', 'minimumSize': 0, **trend_reference('benjamini-hochberg', 0)},
]}

# ---------------------------------------------------------------- trendTest, NPS by month, weighted (Kish effective n)
weighted_months = {}
rng_w = np.random.default_rng(20240601)  # its own stream: the data of the other cases stay as they were
for label, size in [('2024-01', 90), ('2024-02', 70), ('2024-03', 110), ('2024-04', 85)]:
    centre = {'2024-01': 6.5, '2024-02': 7.0, '2024-03': 7.4, '2024-04': 7.9}[label]
    weighted_months[label] = {'scores': np.clip(np.round(rng_w.normal(centre, 2.4, size)), 0, 10).astype(int).tolist(),
                              'weights': np.round(rng_w.uniform(0.4, 3.0, size), 3).tolist()}
labels = list(weighted_months)
summaries = [w_summary(list(zip(weighted_months[l]['scores'], weighted_months[l]['weights'])) ) for l in labels]
rows = [{'period': labels[0], 'status': 'first'}]
for k in range(1, len(labels)):
    rows.append({'period': labels[k], 'status': 'tested', 'previous': labels[k - 1], **nps_compare(summaries[k], summaries[k - 1], 0.95)})
adj = multipletests([r['p'] for r in rows[1:]], method='holm')[1]
for r, a in zip(rows[1:], adj):
    r['adjusted'] = a
x = np.arange(len(labels), dtype=float)
y = np.array([100 * (p - d) for p, d, _ in summaries])
v = np.array([1e4 * (p + d - (p - d) ** 2) / n for p, d, n in summaries])
fit = WLS(y, np.column_stack([np.ones_like(x), x]), weights=1 / v).fit(cov_type='fixed scale')
out['trendNpsWeighted'] = {'months': weighted_months, 'rows': rows, 'effectiveSampleSizes': [n for _, _, n in summaries],
                           'trend': {'slope': fit.params[1], 'standardError': fit.bse[1], 'z': fit.tvalues[1], 'p': fit.pvalues[1], 'intercept': fit.params[0]}}

# ---------------------------------------------------------------- trendTest, CES by quarter
quarters = {}
for q, size, centre in [('2023-Q3', 40, 4.4), ('2023-Q4', 55, 4.7), ('2024-Q1', 50, 5.2), ('2024-Q2', 65, 5.1)]:
    quarters[q] = np.clip(np.round(rng.normal(centre, 1.3, size)), 1, 7).astype(int).tolist()
labels = list(quarters)
rows = []
for k, q in enumerate(labels):
    if k == 0:
        rows.append({'period': q, 'status': 'first'})
        continue
    a = np.array(quarters[q], float); b = np.array(quarters[labels[k - 1]], float)
    t, p = stats.ttest_ind(a, b, equal_var=False)
    cm = CompareMeans(DescrStatsW(a), DescrStatsW(b))
    lo, hi = cm.tconfint_diff(alpha=0.05, usevar='unequal')
    rows.append({'period': q, 'status': 'tested', 'change': a.mean() - b.mean(), 'standardError': cm.std_meandiff_separatevar,
                 't': t, 'df': cm.ttest_ind(usevar='unequal')[2], 'p': p, 'lower': lo, 'upper': hi})
adj = multipletests([r['p'] for r in rows[1:]], method='holm')[1]
for r, a in zip(rows[1:], adj):
    r['adjusted'] = a
x = np.arange(len(labels), dtype=float)
y = np.array([np.mean(quarters[q]) for q in labels])
v = np.array([np.var(quarters[q], ddof=1) / len(quarters[q]) for q in labels])
fit = WLS(y, np.column_stack([np.ones_like(x), x]), weights=1 / v).fit(cov_type='fixed scale')
out['trendCes'] = {'quarters': quarters, 'rows': rows,
                   'trend': {'slope': fit.params[1], 'standardError': fit.bse[1], 'p': fit.pvalues[1], 'intercept': fit.params[0]}}

# ---------------------------------------------------------------- benchmarkTest
def nps_benchmark(c, benchmark, alternative, level):
    P, Pa, D = c
    n = P + Pa + D + 3
    p = (P + 0.75) / n; d = (D + 0.75) / n
    se = math.sqrt((p + d - (p - d) ** 2) / n)
    z = (p - d - benchmark / 100) / se
    pv = {'two-sided': 2 * norm.sf(abs(z)), 'greater': norm.sf(z), 'less': norm.cdf(z)}[alternative]
    zc = norm.ppf(1 - (1 - level) / 2)
    return {'score': 100 * (P - D) / (P + Pa + D), 'estimate': 100 * (p - d), 'standardError': 100 * se, 'z': z, 'p': pv,
            'lower': 100 * max(-1, p - d - zc * se), 'upper': 100 * min(1, p - d + zc * se)}
out['benchmarkNps'] = [
    {'counts': c, 'benchmark': b, 'alternative': a, 'level': lv, **nps_benchmark(c, b, a, lv)}
    for c, b, a, lv in [([120, 50, 30], 36, 'two-sided', 0.95), ([120, 50, 30], 36, 'greater', 0.95), ([12, 5, 8], 36, 'less', 0.9),
                        ([300, 400, 300], 0, 'two-sided', 0.99), ([10, 0, 0], 100, 'two-sided', 0.95)]
]
bench_csat = []
for x, n, p0, alt, lv in [(172, 200, 0.8, 'two-sided', 0.95), (172, 200, 0.8, 'greater', 0.95), (30, 50, 0.75, 'less', 0.9), (5, 5, 0.5, 'two-sided', 0.95)]:
    z, p = proportions_ztest(x, n, value=p0, prop_var=p0, alternative={'two-sided': 'two-sided', 'greater': 'larger', 'less': 'smaller'}[alt])
    lo, hi = proportion_confint(x, n, alpha=1 - lv, method='wilson')
    bench_csat.append({'satisfied': x, 'total': n, 'benchmark': p0, 'alternative': alt, 'level': lv, 'standardError': math.sqrt(p0 * (1 - p0) / n),
                       'z': z, 'p': p, 'lower': lo, 'upper': hi})
out['benchmarkCsat'] = bench_csat
bench_ces = []
ces_sample = np.clip(np.round(rng.normal(5.3, 1.2, 35)), 1, 7).astype(int).tolist()
for values, mu, alt, lv in [([5, 6, 7, 4, 6, 5, 7, 6], 5, 'two-sided', 0.95), (ces_sample, 5, 'greater', 0.95), (ces_sample, 5.5, 'less', 0.9)]:
    a = np.array(values, float)
    t, p = stats.ttest_1samp(a, mu, alternative=alt)
    lo, hi = DescrStatsW(a).tconfint_mean(alpha=1 - lv)
    bench_ces.append({'values': values, 'benchmark': mu, 'alternative': alt, 'level': lv, 'mean': a.mean(), 'standardError': DescrStatsW(a).std_mean,
                      't': t, 'p': p, 'df': len(a) - 1, 'lower': lo, 'upper': hi})
out['benchmarkCes'] = bench_ces

# ---------------------------------------------------------------- sampleSize
sizes = []
def z_of(level): return norm.ppf(1 - (1 - level) / 2)
for p, d, margin, level, deff in [(0.5, 0.5, 5, 0.95, 1), (0.5, 0.2, 5, 0.95, 1), (0.6, 0.1, 3, 0.9, 1.3), (0.3, 0.3, 10, 0.99, 1)]:
    V = p + d - (p - d) ** 2
    sizes.append({'metric': 'nps', 'mode': 'margin', 'shares': [p, d], 'margin': margin, 'level': level, 'designEffect': deff,
                  'n': math.ceil(z_of(level) ** 2 * V / (margin / 100) ** 2 * deff)})
for p, d, n, level, deff in [(0.5, 0.2, 400, 0.95, 1), (0.6, 0.1, 250, 0.9, 1.5)]:
    V = p + d - (p - d) ** 2
    sizes.append({'metric': 'nps', 'mode': 'n', 'shares': [p, d], 'n': n, 'level': level, 'designEffect': deff,
                  'margin': 100 * z_of(level) * math.sqrt(V / (n / deff))})
for p, d, diff, power, level in [(0.5, 0.2, 10, 0.8, 0.95), (0.4, 0.25, 5, 0.9, 0.95), (0.5, 0.5, 20, 0.8, 0.9)]:
    V = p + d - (p - d) ** 2
    n = normal_sample_size_one_tail(diff / 100, power, (1 - level) / 2, std_null=math.sqrt(2 * V))
    sizes.append({'metric': 'nps', 'mode': 'difference', 'shares': [p, d], 'difference': diff, 'power': power, 'level': level, 'designEffect': 1,
                  'n': math.ceil(n)})
for share, margin, level in [(0.8, 0.03, 0.95), (0.5, 0.05, 0.95), (0.9, 0.02, 0.9)]:
    sizes.append({'metric': 'csat', 'mode': 'margin', 'share': share, 'margin': margin, 'level': level, 'designEffect': 1,
                  'n': math.ceil(z_of(level) ** 2 * share * (1 - share) / margin ** 2)})
for share, diff, power, level in [(0.8, 0.05, 0.8, 0.95), (0.5, -0.1, 0.9, 0.95), (0.7, 0.08, 0.8, 0.9)]:
    # statsmodels: p1 = prop2 + diff; our `share` is the first sample's, the same formula is symmetric.
    n = samplesize_proportions_2indep_onetail(diff, share, power, alpha=1 - level)
    sizes.append({'metric': 'csat', 'mode': 'difference', 'share': share, 'difference': diff, 'power': power, 'level': level, 'designEffect': 1,
                  'n': math.ceil(n)})
for sd, margin, level in [(1.5, 0.2, 0.95), (1.2, 0.5, 0.95), (3, 1.5, 0.9)]:
    n = 2
    while stats.t.ppf(1 - (1 - level) / 2, n - 1) * sd / math.sqrt(n) > margin:
        n += 1
    sizes.append({'metric': 'ces', 'mode': 'margin', 'standardDeviation': sd, 'margin': margin, 'level': level, 'designEffect': 1, 'n': n})
for sd, n, level in [(1.5, 100, 0.95), (1.1, 12, 0.9)]:
    sizes.append({'metric': 'ces', 'mode': 'n', 'standardDeviation': sd, 'n': n, 'level': level, 'designEffect': 1,
                  'margin': stats.t.ppf(1 - (1 - level) / 2, n - 1) * sd / math.sqrt(n)})
for sd, diff, power, level in [(1.5, 0.3, 0.8, 0.95), (1.2, 0.5, 0.9, 0.95)]:
    n = normal_sample_size_one_tail(diff, power, (1 - level) / 2, std_null=sd * math.sqrt(2))
    sizes.append({'metric': 'ces', 'mode': 'difference', 'standardDeviation': sd, 'difference': diff, 'power': power, 'level': level, 'designEffect': 1,
                  'n': math.ceil(n)})
out['sampleSize'] = sizes

def clean(o):
    if isinstance(o, dict): return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)): return [clean(v) for v in o]
    if isinstance(o, (np.floating,)): return float(o)
    if isinstance(o, (np.integer,)): return int(o)
    return o
print(json.dumps(clean(out), indent=1))
