"""Independent reference values for the BG/BB count probabilities, P(alive) n* ahead and the
per-customer log-likelihood (mpmath, 40 digits; 60 for the whole-range cases).

Run: python3 test/clv/bg-bb/reference/bg_bb_counts_reference.py > test/clv/bg-bb/reference/bg-bb-counts-reference.json

Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual
Setting", Marketing Science 29(6), 1086-1108. Formulas implemented directly from the paper with
mpmath's beta and binomial, without the rearrangements used in src/, each checked against a
second route:

  P(X(n) = x)                 eq. (8); second route: each term's p- and theta-integrals by quadrature
                              (n <= 6), and sum_x P = 1, sum_x x P = E[X(n)] (closed form)
  P(X(n, n+n*) = x* | hist)   eq. (13) as printed in its technical appendix (the 1 - A/L term at
                              x* = 0 and the two sums over B(alpha+x+x*, .)); second route: the
                              posterior integral over p and theta by quadrature (n, n* small), and
                              sum_x* P = 1, sum_x* x* P = E[X(n, n+n*) | hist]
  P(alive at n+1+n* | hist)   B(alpha+x, beta+n-x) B(gamma, delta+n+1+n*) / (B(alpha,beta) B(gamma,delta) L);
                              second route: quadrature
  ln L per donations cell     the likelihood of Section 2, per (x, tx) cell of donations.csv

The donations workbook (Fader & Hardie's BG/BB spreadsheet, sheet "P(X(n)=x)"): the expected
number of the 11,104 donors with 0..6 repeat donations in 1996-2001 is 11,104 * P(X(6) = x) at
the maximum-likelihood estimates; its "ln L" column is per (x, tx) cell.
"""
import os, csv, json, sys
import mpmath as mp

mp.mp.dps = 40
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'fixtures', 'data', '')
B = mp.beta
C = mp.binomial


def f(v):
    return float(v)


def rel(a, b):
    return abs(a - b) / abs(b) if b != 0 else abs(a)


def lik(al, be, ga, de, x, tx, n):
    s = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(n - tx):
        s += B(al + x, be + tx - x + i) / B(al, be) * B(ga + 1, de + tx + i) / B(ga, de)
    return s


def pmf(al, be, ga, de, x, n):
    """eq. (8)."""
    if x > n:
        return mp.mpf(0)
    s = C(n, x) * B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(x, n):
        s += C(i, x) * B(al + x, be + i - x) / B(al, be) * B(ga + 1, de + i) / B(ga, de)
    return s


def pmf_quad(al, be, ga, de, x, n):
    fp = lambda k, m: mp.quad(lambda p: p ** (al - 1 + k) * (1 - p) ** (be - 1 + m), [0, 0.5, 1]) / B(al, be)
    ft = lambda k, m: mp.quad(lambda t: t ** (ga - 1 + k) * (1 - t) ** (de - 1 + m), [0, 0.5, 1]) / B(ga, de)
    s = C(n, x) * fp(x, n - x) * ft(0, n)
    for i in range(x, n):
        s += C(i, x) * fp(x, i - x) * ft(1, i)
    return s


def expected(al, be, ga, de, n):
    return al / (al + be) * mp.fsum(B(ga, de + t) / B(ga, de) for t in range(1, n + 1))


def cond_pmf(al, be, ga, de, x, tx, n, xs, ns):
    """eq. (13): P(X(n, n+n*) = x* | x, tx, n)."""
    if xs > ns:
        return mp.mpf(0)
    L = lik(al, be, ga, de, x, tx, n)
    A = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    s = (1 - A / L) if xs == 0 else mp.mpf(0)
    s += C(ns, xs) * B(al + x + xs, be + n - x + ns - xs) / B(al, be) * B(ga, de + n + ns) / B(ga, de) / L
    for i in range(xs, ns):
        s += C(i, xs) * B(al + x + xs, be + n - x + i - xs) / B(al, be) * B(ga + 1, de + n + i) / B(ga, de) / L
    return s


def cond_pmf_quad(al, be, ga, de, x, tx, n, xs, ns):
    """The joint of history and future, integrated over p and theta, over the history's likelihood.

    Given (p, theta), the history and the future are: alive through n (prob (1-theta)^n, history
    p^x (1-p)^(n-x)) then the future is the individual-level count; or dead at some k+1 <= n
    (history p^x (1-p)^(k-x)), then the future has no transaction."""
    def joint_alive(p, t):
        fut = mp.binomial(ns, xs) * p ** xs * (1 - p) ** (ns - xs) * (1 - t) ** ns
        for i in range(xs, ns):
            fut += mp.binomial(i, xs) * p ** xs * (1 - p) ** (i - xs) * t * (1 - t) ** i
        return p ** x * (1 - p) ** (n - x) * (1 - t) ** n * fut

    def joint_dead(p, t):
        s = 0
        for k in range(tx, n):
            s += p ** x * (1 - p) ** (k - x) * t * (1 - t) ** k
        return s if xs == 0 else 0

    dens = lambda p, t: p ** (al - 1) * (1 - p) ** (be - 1) / B(al, be) * t ** (ga - 1) * (1 - t) ** (de - 1) / B(ga, de)
    num = mp.quad(lambda p, t: dens(p, t) * (joint_alive(p, t) + joint_dead(p, t)), [0, 1], [0, 1])
    return num / lik(al, be, ga, de, x, tx, n)


def cond_expected(al, be, ga, de, x, tx, n, ns):
    L = lik(al, be, ga, de, x, tx, n)
    return B(al + x + 1, be + n - x) / B(al, be) / L * mp.fsum(B(ga, de + t) / B(ga, de) for t in range(n + 1, n + ns + 1))


def alive(al, be, ga, de, x, tx, n, ns):
    return B(al + x, be + n - x) / B(al, be) * B(ga, de + n + 1 + ns) / B(ga, de) / lik(al, be, ga, de, x, tx, n)


def alive_quad(al, be, ga, de, x, tx, n, ns):
    fp = mp.quad(lambda p: p ** (al - 1 + x) * (1 - p) ** (be - 1 + n - x), [0, 0.5, 1]) / B(al, be)
    ft = mp.quad(lambda t: t ** (ga - 1) * (1 - t) ** (de - 1 + n + 1 + ns), [0, 0.5, 1]) / B(ga, de)
    return fp * ft / lik(al, be, ga, de, x, tx, n)


out = {}
rows = [(int(r['frequency']), int(r['recency']), int(r['periods']), int(r['weights']))
        for r in csv.DictReader(open(DATA + 'donations.csv'))]
P = (mp.mpf('1.204'), mp.mpf('0.75'), mp.mpf('0.657'), mp.mpf('2.783'))
# The maximum-likelihood estimates of bg_bb_reference.py (bg-bb-reference.json, "donations").
here = os.path.dirname(os.path.abspath(__file__))
MLE = [mp.mpf(v) for v in json.load(open(os.path.join(here, 'bg-bb-reference.json')))['donations']['params']]

# --- P(X(n) = x) ---
out['pmf'] = []
for n in [0, 1, 2, 6, 11, 30]:
    total, mean = mp.mpf(0), mp.mpf(0)
    for x in range(n + 1):
        v = pmf(*P, x, n)
        if n <= 6:
            q = pmf_quad(*P, x, n)
            assert rel(v, q) < mp.mpf('1e-25'), (x, n, v, q)
        total += v
        mean += x * v
        out['pmf'].append([x, n, f(v)])
    assert abs(total - 1) < mp.mpf('1e-30'), (n, total)
    if n > 0:
        assert rel(mean, expected(*P, n)) < mp.mpf('1e-30')
# The workbook: expected donors by number of repeat donations in 1996-2001, at the MLE and at the published estimates.
out['donorsByCount'] = {
    'mle': [f(11104 * pmf(*MLE, x, 6)) for x in range(7)],
    'published': [f(11104 * pmf(*P, x, 6)) for x in range(7)],
    'observed': [sum(w for x, tx, n, w in rows if x == k) for k in range(7)],
}

# --- P(X(n, n+n*) = x* | x, tx, n) ---
customers = [(0, 0, 6), (1, 1, 6), (1, 6, 6), (2, 4, 6), (3, 3, 6), (5, 6, 6), (6, 6, 6), (0, 0, 0), (1, 1, 1), (4, 10, 20)]
out['conditional'] = []
for x, tx, n in customers:
    for ns in [0, 1, 5, 10]:
        total, mean = mp.mpf(0), mp.mpf(0)
        for xs in range(ns + 1):
            v = cond_pmf(*P, x, tx, n, xs, ns)
            total += v
            mean += xs * v
            out['conditional'].append([x, tx, n, xs, ns, f(v)])
        assert abs(total - 1) < mp.mpf('1e-30'), (x, tx, n, ns, total)
        assert abs(mean - cond_expected(*P, x, tx, n, ns)) < mp.mpf('1e-30')
# Second route, by 2-d quadrature (small n, n*; 20 digits are plenty for the check).
mp.mp.dps = 20
for x, tx, n, xs, ns in [(2, 4, 6, 0, 3), (2, 4, 6, 2, 3), (1, 1, 3, 1, 2), (0, 0, 2, 0, 2)]:
    a, b = cond_pmf(*P, x, tx, n, xs, ns), cond_pmf_quad(*P, x, tx, n, xs, ns)
    assert rel(a, b) < mp.mpf('1e-10'), (x, tx, n, xs, ns, a, b)
mp.mp.dps = 40
# The donors' cohort: expected number with 0..5 donations in 2002-2006 (n* = 5), at the MLE.
out['cohortHoldoutCounts'] = [f(mp.fsum(w * cond_pmf(*MLE, x, tx, n, xs, 5) for x, tx, n, w in rows)) for xs in range(6)]

# --- P(alive at n+1+n*) ---
out['alive'] = []
for x, tx, n in customers:
    for ns in [0, 1, 4, 20]:
        v = alive(*P, x, tx, n, ns)
        if n <= 6:
            q = alive_quad(*P, x, tx, n, ns)
            assert rel(v, q) < mp.mpf('1e-25'), (x, tx, n, ns)
        out['alive'].append([x, tx, n, ns, f(v)])

# --- ln L per donations cell (the workbook's ln L column), at the MLE and the published estimates ---
out['cellLogLikelihood'] = [[x, tx, n, w, f(mp.log(lik(*MLE, x, tx, n))), f(mp.log(lik(*P, x, tx, n)))] for x, tx, n, w in rows]

# --- Whole range: parameters at e^+-30, longer horizons (60 digits) ---
mp.mp.dps = 60
E = mp.e
wide = [
    (E ** 30, E ** -30, E ** -30, E ** 30),
    (E ** -30, E ** 30, E ** 30, E ** -30),
    (E ** -30, E ** -30, E ** -30, E ** -30),
    (E ** 30, E ** 30, E ** 30, E ** 30),
    (mp.mpf('0.5'), mp.mpf('2'), E ** -30, E ** 30),
]
out['widePmf'] = []
out['wideConditional'] = []
for q in wide:
    for x, n in [(0, 20), (1, 20), (10, 20), (20, 20), (3, 200)]:
        out['widePmf'].append([list(map(f, q)), x, n, f(pmf(*q, x, n))])
    for (x, tx, n), (xs, ns) in [((0, 0, 10), (0, 10)), ((3, 8, 10), (2, 10)), ((10, 10, 10), (10, 10)), ((2, 3, 40), (0, 30))]:
        out['wideConditional'].append([list(map(f, q)), x, tx, n, xs, ns, f(cond_pmf(*q, x, tx, n, xs, ns))])
json.dump(out, sys.stdout, indent=1)
