"""Independent BG/BB reference values over the whole fitted range (each parameter in [e^-30, e^30]),
with concentrations alpha + beta and gamma + delta up to 1e13 (mpmath, 130 digits).

Run: python3 test/clv/bg-bb/reference/bg_bb_extreme_reference.py > test/clv/bg-bb/reference/bg-bb-extreme-reference.json

Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual
Setting", Marketing Science 29(6), 1086-1108. Every ratio of betas is
B(a+k, b+j)/B(a, b) = exp(lgamma(a+k) - lgamma(a) + lgamma(b+j) - lgamma(b) - lgamma(a+b+k+j) + lgamma(a+b))
at 130 digits: the log-gammas are ~3e14 at 1e13, so 115 digits survive the cancellation that
double precision cannot afford (and are needed: ln L of a history without purchase is as small
as -alpha/(alpha+beta) delta/(gamma+delta) ~ -e^-120 = -8e-53 in the range, where 60 digits
would leave nothing). Along a sum, consecutive terms follow by their exact rational ratios.
Second routes, asserted below: every term of the likelihood by log-gammas (n <= 129) against
the recurrence; for x = 0, ln L = ln(1 - Q) with Q = sum_{t=1..n} B(g, d+t)/B(g,d) B(a+1, b+t-1)/B(a,b)
(a first purchase at t); sum_x P(X(n) = x) = 1 and its mean = E[X(n)]; sum_x* of the
conditional pmf = 1 and its mean = E[X(n, n+n*) | history]; the DERT series summed at 80 digits.

  ln L(x, tx, n)              the likelihood of Section 2
  grouped totals              sum of w ln L over weighted rows
  P(alive at n+1 | history)   B(a+x, b+n-x) B(g, d+n+1) / (B(a,b) B(g,d) L)
  E[X(n)]                     a/(a+b) sum_{t=1..n} B(g, d+t)/B(g, d)
  E[X(n, n+n*) | history]     B(a+x+1, b+n-x)/(B(a,b) L) sum_{t=n+1..n+n*} B(g, d+t)/B(g, d)
  DERT(d | history)           B(a+x+1, b+n-x)/(B(a,b) L) sum_{t>=1} B(g, d+n+t)/B(g, d) / (1+d)^t
  P(X(n) = x)                 eq. (8)
  P(X(n, n+n*) = x* | hist)   eq. (13) of the technical appendix

Parameter points: named cases (the issue's alpha = 14,399, beta = 3.5e11; concentrations 1e11 to
1e13 in one or both processes; corners at e^+-30) and 24 log-uniform draws from a seeded
generator (Python's random.Random(10), stable across versions). Each parameter is the double
the tests pass, read exactly into mpmath.
"""
import json, math, random, sys
import mpmath as mp

mp.mp.dps = 130
LG = mp.loggamma


def f(v):
    return float(v)


def lr(a, b, k, j):
    """ln[B(a+k, b+j)/B(a, b)]."""
    return LG(a + k) - LG(a) + LG(b + j) - LG(b) - LG(a + b + k + j) + LG(a + b)


def lik_terms(al, be, ga, de, x, tx, n):
    """[alive through n] + [alive through k, dead at k+1 for k = tx..n-1], each relative to B(a,b) B(g,d)."""
    head = mp.exp(lr(al, be, x, n - x) + lr(ga, de, 0, n))
    terms = []
    if n > tx:
        t = mp.exp(lr(al, be, x, tx - x) + lr(ga, de, 1, tx))
        for k in range(tx, n):
            terms.append(t)
            # B(a+x, b+k+1-x)/B(a+x, b+k-x) = (b+k-x)/(a+b+k); B(g+1, d+k+1)/B(g+1, d+k) = (d+k)/(g+d+k+1)
            t = t * (be + k - x) / (al + be + k) * (de + k) / (ga + de + k + 1)
    return head, terms


def lik(al, be, ga, de, x, tx, n):
    head, terms = lik_terms(al, be, ga, de, x, tx, n)
    return head + mp.fsum(terms)


def survival_ratios(ga, de, start, count):
    """B(g, d+t)/B(g, d) for t = start+1 .. start+count (by the ratio (d+t-1)/(g+d+t-1))."""
    r = mp.exp(lr(ga, de, 0, start))
    out = []
    for t in range(start + 1, start + count + 1):
        r = r * (de + t - 1) / (ga + de + t - 1)
        out.append(r)
    return out


def pmf(al, be, ga, de, x, n):
    """eq. (8): C(n,x) B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x, b+i-x)/B(a,b) B(g+1, d+i)/B(g,d)."""
    if x > n:
        return mp.mpf(0)
    s = mp.binomial(n, x) * mp.exp(lr(al, be, x, n - x) + lr(ga, de, 0, n))
    if n > x:
        t = mp.exp(lr(al, be, x, 0) + lr(ga, de, 1, x))  # i = x: C(x, x) = 1
        for i in range(x, n):
            s += t
            # C(i+1,x)/C(i,x) = (i+1)/(i+1-x); then the beta ratios as in lik_terms.
            t = t * mp.mpf(i + 1) / (i + 1 - x) * (be + i - x) / (al + be + i) * (de + i) / (ga + de + i + 1)
    return s


def expected(al, be, ga, de, n):
    return al / (al + be) * mp.fsum(survival_ratios(ga, de, 0, n))


def posterior_head(al, be, ga, de, x, tx, n, L):
    """B(a+x+1, b+n-x)/(B(a,b) L)."""
    return mp.exp(lr(al, be, x + 1, n - x)) / L


def cond_expected(al, be, ga, de, x, tx, n, ns):
    L = lik(al, be, ga, de, x, tx, n)
    return posterior_head(al, be, ga, de, x, tx, n, L) * mp.fsum(survival_ratios(ga, de, n, ns))


def alive(al, be, ga, de, x, tx, n):
    L = lik(al, be, ga, de, x, tx, n)
    return mp.exp(lr(al, be, x, n - x) + lr(ga, de, 0, n + 1)) / L


def dert(al, be, ga, de, x, tx, n, d):
    L = lik(al, be, ga, de, x, tx, n)
    z = 1 / (1 + d)
    r = mp.exp(lr(ga, de, 0, n))
    s, t, zt = mp.mpf(0), n + 1, mp.mpf(1)
    while True:
        r = r * (de + t - 1) / (ga + de + t - 1)
        zt *= z
        term = r * zt
        s += term
        # The rest is at most term * z/(1-z) = term/d: stop below 1e-40 of the sum.
        if term / d < mp.mpf('1e-40') * s:
            break
        t += 1
    return posterior_head(al, be, ga, de, x, tx, n, L) * s


def cond_pmf(al, be, ga, de, x, tx, n, xs, ns):
    """eq. (13): (1 - A/L)[x* = 0] + a new customer's pmf with (a+x, b+n-x, g, d+n), times A/L, relative to B(a,b) B(g,d)."""
    if xs > ns:
        return mp.mpf(0)
    L = lik(al, be, ga, de, x, tx, n)
    A = mp.exp(lr(al, be, x, n - x) + lr(ga, de, 0, n))
    s = pmf(al + x, be + n - x, ga, de + n, xs, ns) * A / L
    return s + (1 - A / L) if xs == 0 else s


POINTS = [
    ('the issue: alpha = 14,399, beta = 3.5e11', [14399.0, 3.5e11, 1.0, 1.0]),
    ('alpha + beta = 1e12, alpha = 1', [1.0, 1e12, 1.0, 1.0]),
    ('alpha + beta = 1e13, alpha = 1e4; gamma + delta = 1e11', [1e4, 1e13, 0.5, 1e11]),
    ('gamma + delta = 1e12, gamma = 3e3', [0.8, 2.5, 3e3, 1e12]),
    ('both processes near-homogeneous at 1e12', [2e11, 8e11, 4e11, 6e11]),
    ('alpha = beta = e^30, gamma = e^-30, delta = e^30', [math.exp(30), math.exp(30), math.exp(-30), math.exp(30)]),
    ('all at e^30', [math.exp(30)] * 4),
    ('all at e^-30', [math.exp(-30)] * 4),
    ('alpha = e^30, beta = e^-30, gamma = e^-30, delta = e^30', [math.exp(30), math.exp(-30), math.exp(-30), math.exp(30)]),
    ('alpha = e^-30, beta = e^30, gamma = e^30, delta = e^-30', [math.exp(-30), math.exp(30), math.exp(30), math.exp(-30)]),
    ('alpha = e^-30, beta = e^30, gamma = e^-30, delta = e^30', [math.exp(-30), math.exp(30), math.exp(-30), math.exp(30)]),
]
rng = random.Random(10)
for i in range(24):
    POINTS.append((f'log-uniform draw {i + 1}', [math.exp(rng.uniform(-30, 30)) for _ in range(4)]))

HISTORIES = [(0, 0, 0), (0, 0, 1), (1, 1, 1), (0, 0, 10), (2, 5, 10), (3, 8, 10), (10, 10, 10), (0, 0, 129), (1, 1, 129),
             (7, 100, 129), (129, 129, 129), (40, 300, 1000), (0, 0, 1000)]
GROUPS = [
    [(0, 0, 0, 260), (0, 0, 129, 1), (2, 5, 10, 1)],
    [(x, tx, n, w) for (x, tx, n), w in zip(HISTORIES, [5, 1, 3, 1000, 6, 2, 7, 1, 11, 1, 4, 2, 1])],
]
PREDICT = [(0, 0, 0), (0, 0, 10), (3, 8, 10), (10, 10, 10), (7, 100, 129), (129, 129, 129), (40, 300, 1000)]
PMF = [(0, 10), (1, 10), (5, 10), (10, 10), (0, 129), (3, 129), (129, 129), (50, 1000)]
COND_PMF = [((0, 0, 10), 0, 10), ((3, 8, 10), 2, 10), ((10, 10, 10), 10, 10), ((7, 100, 129), 0, 30), ((7, 100, 129), 5, 30)]


def rel(a, b):
    return abs(a - b) / abs(b) if b != 0 else abs(a)


TOL = mp.mpf('1e-30')
points, left_out = [], []
for name, p in POINTS:
    q = [mp.mpf(v) for v in p]
    # Second route for the likelihood: every term by log-gammas.
    for x, tx, n in HISTORIES:
        if n <= 129:
            head, terms = lik_terms(*q, x, tx, n)
            for i, t in enumerate(terms):
                k = tx + i
                assert rel(t, mp.exp(lr(q[0], q[1], x, k - x) + lr(q[2], q[3], 1, k))) < TOL, (name, x, tx, n, k)
    logs = {h: mp.log(lik(*q, *h)) for h in HISTORIES}
    for (x, tx, n), v in logs.items():
        if x == 0 and n > 0:
            ratios = survival_ratios(q[2], q[3], 0, n)
            Q = mp.fsum(ratios[t - 1] * mp.exp(lr(q[0], q[1], 1, t - 1)) for t in range(1, n + 1))
            assert rel(mp.log1p(-Q), v) < TOL, (name, n)
    for h, v in logs.items():
        assert v <= 0, (name, h, v)
    point = {
        'name': name,
        'params': p,
        'logLikelihood': [[*h, f(v)] for h, v in logs.items()],
        'groupTotals': [{'rows': [list(r) for r in g], 'total': f(mp.fsum(w * logs[(x, tx, n)] for x, tx, n, w in g))} for g in GROUPS],
        'alive': [[*h, f(alive(*q, *h))] for h in PREDICT],
        'expected': [[n, f(expected(*q, n))] for n in [1, 10, 129, 1000]],
        'conditionalExpected': [[*h, ns, f(cond_expected(*q, *h, ns))] for h in PREDICT for ns in [1, 10, 100]],
        'dert': [[*h, d, f(dert(*q, *h, mp.mpf(d)))] for h in PREDICT for d in [0.1, 0.01]],
        'pmf': [[x, n, f(pmf(*q, x, n))] for x, n in PMF],
        'conditionalPmf': [[*h, xs, ns, f(cond_pmf(*q, *h, xs, ns))] for h, xs, ns in COND_PMF],
    }
    # Second routes for the counts: the pmf over x sums to 1 with mean E[X(n)] (n = 10), and the
    # conditional pmf over x* sums to 1 with mean E[X(n, n+n*) | history].
    full = [pmf(*q, x, 10) for x in range(11)]
    assert abs(mp.fsum(full) - 1) < TOL, name
    assert rel(mp.fsum(x * v for x, v in enumerate(full)), expected(*q, 10)) < TOL or expected(*q, 10) < mp.mpf('1e-40'), name
    for h in [(3, 8, 10), (7, 100, 129)]:
        cond = [cond_pmf(*q, *h, xs, 10) for xs in range(11)]
        assert abs(mp.fsum(cond) - 1) < TOL, (name, h)
        ce = cond_expected(*q, *h, 10)
        assert abs(mp.fsum(xs * v for xs, v in enumerate(cond)) - ce) < TOL * max(1, ce) or ce < mp.mpf('1e-40'), (name, h)
    points.append(point)

# Second route for the DERT series: summed at 150 digits, the same to 1e-15 (the series' tail and
# the working precision do not reach a double's digits).
mp.mp.dps = 150
for name, p in POINTS[:3]:
    q = [mp.mpf(v) for v in p]
    for x, tx, n, d, v in points[[pt['name'] for pt in points].index(name)]['dert']:
        w = dert(*q, x, tx, n, mp.mpf(d))
        assert abs(w - v) <= 1e-15 * abs(w), (name, x, tx, n, d)

json.dump({'source': 'bg_bb_extreme_reference.py', 'points': points, 'leftOut': left_out}, sys.stdout, indent=1)
sys.stdout.write('\n')
