"""Independent reference values for the per-customer sBG log-likelihood (mpmath, 40 digits).

Run: python3 test/retention/sbg/reference/sbg_per_customer_reference.py > test/retention/sbg/reference/sbg-per-customer-reference.json

Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing
21(1), eqs. (1)-(2) and (6):

  P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)      S(t) = B(alpha, beta + t) / B(alpha, beta)

with mpmath.beta; second route: the integrals over theta ~ Beta(alpha, beta) of theta (1 - theta)^(t-1)
and (1 - theta)^t by quadrature. Per cell of the survivor counts of the paper's Table 1 (lost at
renewal t, weight n_(t-1) - n_t; active after T, weight n_T), at the parameters printed in the paper
and at parameters at the edges of the fitted range (e^+-30; closed form only).
"""
import json, sys
import mpmath as mp

mp.mp.dps = 40
B = mp.beta


def log_churn(a, b, t):
    return mp.log(B(a + 1, b + t - 1) / B(a, b))


def log_surv(a, b, t):
    return mp.log(B(a, b + t) / B(a, b))


def quad(a, b, f):
    return mp.quad(lambda th: f(th) * th ** (a - 1) * (1 - th) ** (b - 1), [0, 0.5, 1]) / B(a, b)


REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241]
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491]
out = {'cells': []}
for name, counts, a, b in [('regular', REGULAR, '0.704', '1.182'), ('highEnd', HIGH_END, '0.668', '3.806')]:
    a, b = mp.mpf(a), mp.mpf(b)
    T = len(counts) - 1
    cells = []
    for t in range(1, T + 1):
        v = log_churn(a, b, t)
        assert abs(v - mp.log(quad(a, b, lambda th: th * (1 - th) ** (t - 1)))) < mp.mpf('1e-25')
        cells.append([t, counts[t - 1] - counts[t], float(v)])
    v = log_surv(a, b, T)
    assert abs(v - mp.log(quad(a, b, lambda th: (1 - th) ** T))) < mp.mpf('1e-25')
    cells.append([T, counts[T], float(v)])
    total = mp.fsum(w * (log_churn(a, b, t) if i < T else log_surv(a, b, T)) for i, (t, w, _) in enumerate(cells))
    out['cells'].append({'name': name, 'params': [float(a), float(b)], 'survivors': counts, 'cells': cells, 'total': float(total)})
E = mp.e
out['wide'] = []
for a, b in [(E ** 30, E ** -30), (E ** -30, E ** 30), (E ** -30, E ** -30), (E ** 30, E ** 30)]:
    for renewals, churned in [(0, True), (0, False), (5, True), (5, False), (100000, True), (100000, False)]:
        v = log_churn(a, b, renewals + 1) if churned else log_surv(a, b, renewals)
        out['wide'].append([[float(a), float(b)], renewals, churned, float(v)])
json.dump(out, sys.stdout, indent=1)
