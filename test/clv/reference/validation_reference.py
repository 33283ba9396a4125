"""Independent reference values for the validation functions on CDNOW (mpmath, scipy).

Run: python3 test/clv/reference/validation_reference.py > test/clv/reference/validation-reference.json

From the raw purchase log CDNOW_sample.txt (not from src/): purchase days per customer, the
calibration summary (calibration end 1997-09-30, checked against cdnow_customers_summary.csv),
the holdout purchases to 1998-06-30 (39 weeks), then, at the published parameters in weeks
(BG/NBD: Fader, Hardie & Lee 2005; Pareto/NBD: Fader & Hardie 2005 note):
  calibrationVsHoldout     conditional expectations per calibration frequency 0..6, 7+,
                           MAE, RMSE, aggregate error, Pearson correlation
                           BG/NBD FHL 2005 eq. 10; Pareto/NBD Fader & Hardie 2005 note eqs. 19, 22
  repeatPurchaseHistogram  sum_i P(X(T_i) = n), FHL 2005 eq. 8; chi-square over the cells, scipy chi2.sf
  expectedCumulative...    sum_i E[X(tau_k - s_i)] at each week's last day, FHL 2005 eq. 7 and the
                           Pareto/NBD E[X(t)] = r beta/(alpha (s-1)) (1 - (beta/(beta+t))^(s-1))
"""
import os, csv, json, sys, math
from datetime import date
import mpmath as mp
from scipy.stats import chi2

mp.mp.dps = 30
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '')

BG = [mp.mpf(v) for v in ('0.243', '4.414', '0.793', '2.426')]
PN = [mp.mpf(v) for v in ('0.553', '10.578', '0.606', '11.669')]
CAL_END = date(1997, 9, 30).toordinal()
OBS_END = date(1998, 6, 30).toordinal()
TOP = 7

# --- the purchase log -------------------------------------------------------------------
days = {}
for line in open(DATA + 'CDNOW_sample.txt'):
    fields = line.split()
    if len(fields) < 5:
        continue
    d = fields[2]
    days.setdefault(fields[1], set()).add(date(int(d[:4]), int(d[4:6]), int(d[6:8])).toordinal())
customers = []
for cid, ds in days.items():
    cal = sorted(d for d in ds if d <= CAL_END)
    hold = [d for d in ds if d > CAL_END]
    first = cal[0]
    customers.append({'id': cid, 'first': first, 'x': len(cal) - 1, 'tx': (cal[-1] - first) / 7, 'T': (CAL_END - first) / 7, 'xs': len(hold), 'days': sorted(ds)})
customers.sort(key=lambda c: int(c['id']))
summary = list(csv.DictReader(open(DATA + 'cdnow_customers_summary.csv')))
assert len(summary) == len(customers) == 2357
for c, row in zip(customers, summary):
    assert int(row['frequency']) == c['x'] and abs(float(row['recency']) - c['tx']) < 0.006 and abs(float(row['T']) - c['T']) < 0.006, (row, c)
HOLDOUT = (OBS_END - CAL_END) / 7

# --- BG/NBD -------------------------------------------------------------------------------
def bg_ex(t):
    r, al, a, b = BG
    t = mp.mpf(t)
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b, a + b - 1, t / (al + t)))

def bg_cond(x, tx, T, t):
    r, al, a, b = BG
    x, tx, T, t = mp.mpf(x), mp.mpf(tx), mp.mpf(T), mp.mpf(t)
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    return num / den

def bg_pn(n, t):
    r, al, a, b = BG
    t = mp.mpf(t)
    q = al / (al + t); z = t / (al + t)
    nb = lambda j: mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * q ** r * z ** j
    first = mp.beta(a, b + n) / mp.beta(a, b) * nb(n)
    if n == 0:
        return first
    return first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * (1 - mp.fsum(nb(j) for j in range(n)))

# --- Pareto/NBD ---------------------------------------------------------------------------
def pn_a0(x, tx, T):
    r, al, s, be = PN
    m = r + s + x
    if al >= be:
        F = lambda u: mp.hyp2f1(m, s + 1, m + 1, (al - be) / (al + u)) / (al + u) ** m
    else:
        F = lambda u: mp.hyp2f1(m, r + x, m + 1, (be - al) / (be + u)) / (be + u) ** m
    return F(tx) - F(T)

def pn_alive(x, tx, T):
    r, al, s, be = PN
    x, tx, T = mp.mpf(x), mp.mpf(tx), mp.mpf(T)
    return 1 / (1 + s / (r + s + x) * (al + T) ** (r + x) * (be + T) ** s * pn_a0(x, tx, T))

def pn_cond(x, tx, T, t):
    r, al, s, be = PN
    x, tx, T, t = mp.mpf(x), mp.mpf(tx), mp.mpf(T), mp.mpf(t)
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * pn_alive(x, tx, T)

def pn_ex(t):
    r, al, s, be = PN
    t = mp.mpf(t)
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))

# --- calibration vs holdout ---------------------------------------------------------------
def calibration_vs_holdout(cond):
    cache = {}
    preds = []
    for c in customers:
        key = (c['x'], c['tx'], c['T'])
        if key not in cache:
            cache[key] = cond(c['x'], c['tx'], c['T'], HOLDOUT)
        preds.append(cache[key])
    groups = []
    for k in range(TOP + 1):
        members = [i for i, c in enumerate(customers) if (c['x'] == k if k < TOP else c['x'] >= TOP)]
        groups.append({'customers': len(members), 'expected': float(mp.fsum(preds[i] for i in members) / len(members)), 'actual': sum(customers[i]['xs'] for i in members) / len(members)})
    n = len(customers)
    a = [mp.mpf(c['xs']) for c in customers]
    mpred = mp.fsum(preds) / n; ma = mp.fsum(a) / n
    cov = mp.fsum((p - mpred) * (y - ma) for p, y in zip(preds, a))
    vp = mp.fsum((p - mpred) ** 2 for p in preds); va = mp.fsum((y - ma) ** 2 for y in a)
    return {
        'groups': groups,
        'expectedTotal': float(mp.fsum(preds)),
        'actualTotal': float(mp.fsum(a)),
        'mae': float(mp.fsum(abs(p - y) for p, y in zip(preds, a)) / n),
        'rmse': float(mp.sqrt(mp.fsum((p - y) ** 2 for p, y in zip(preds, a)) / n)),
        'aggregateError': float((mp.fsum(preds) - mp.fsum(a)) / mp.fsum(a)),
        'correlation': float(cov / mp.sqrt(vp * va)),
    }

# --- histogram ------------------------------------------------------------------------------
def histogram():
    by_T = {}
    for c in customers:
        by_T[c['T']] = by_T.get(c['T'], 0) + 1
    expected = [mp.mpf(0)] * (TOP + 1)
    for T, w in by_T.items():
        ps = [bg_pn(n, T) for n in range(TOP)]
        for n in range(TOP):
            expected[n] += w * ps[n]
        expected[TOP] += w * (1 - mp.fsum(ps))
    observed = [sum(1 for c in customers if (c['x'] == k if k < TOP else c['x'] >= TOP)) for k in range(TOP + 1)]
    assert min(expected) >= 5  # no pooling needed on CDNOW with 8 cells
    stat = mp.fsum((o - e) ** 2 / e for o, e in zip(observed, expected))
    df = TOP + 1 - 1 - 4
    return {'observed': observed, 'expected': [float(e) for e in expected], 'statistic': float(stat), 'df': df, 'pValue': float(chi2.sf(float(stat), df))}

# --- tracking -------------------------------------------------------------------------------
def tracking(ex):
    start = min(c['first'] for c in customers)
    weeks = (OBS_END - start) // 7 + 1
    by_first = {}
    for c in customers:
        by_first[c['first']] = by_first.get(c['first'], 0) + 1
    cache = {}
    def expected_at(day):
        total = mp.mpf(0)
        for s, w in by_first.items():
            if s <= day:
                if day - s not in cache:
                    cache[day - s] = ex(mp.mpf(day - s) / 7)
                total += w * cache[day - s]
        return total
    expected = [float(expected_at(min(OBS_END, start + 7 * (k + 1) - 1))) for k in range(weeks)]
    actual = [0] * weeks
    for c in customers:
        for d in c['days'][1:]:
            actual[(d - start) // 7] += 1
    cumulative = []
    run = 0
    for v in actual:
        run += v
        cumulative.append(run)
    cal_expected = expected_at(CAL_END)
    return {
        'weeks': weeks,
        'calibrationPeriod': (CAL_END - start) // 7,
        'expectedCumulative': expected,
        'actualCumulative': cumulative,
        'calibrationExpected': float(cal_expected),
        'calibrationActual': sum(c['x'] for c in customers),
        'holdoutExpected': float(expected_at(OBS_END) - cal_expected),
        'holdoutActual': sum(c['xs'] for c in customers),
    }

out = {
    'params': {'bgNbd': [float(v) for v in BG], 'paretoNbd': [float(v) for v in PN]},
    'holdoutWeeks': HOLDOUT,
    'calibrationVsHoldout': {'bgNbd': calibration_vs_holdout(bg_cond), 'paretoNbd': calibration_vs_holdout(pn_cond)},
    'histogram': {'bgNbd': histogram()},
    'tracking': {'bgNbd': tracking(bg_ex), 'paretoNbd': tracking(pn_ex)},
}
json.dump(out, sys.stdout, indent=1)
print()
