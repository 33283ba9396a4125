"""Independent reference values for the BG/BB tests (mpmath, 40 digits; scipy for the first fit).

Run: python3 test/clv/reference/bg_bb_reference.py > test/clv/reference/bg-bb-reference.json

Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual
Setting", Marketing Science 29(6), 1086-1108. Formulas implemented directly from the paper with
mpmath's beta, gamma and hyp2f1, without the log-space rearrangements used in src/, and each
checked against a second route that does not use the closed form:

  likelihood          the sample likelihood of Section 2; second route: the individual-level likelihood integrated over
                      p ~ Beta(alpha, beta) and theta ~ Beta(gamma, delta) by quadrature
  P(alive at n+1)     P(alive in period n+1 | x, tx, n); second route: the same quadrature
  E[X(n)]             the delta/(gamma-1) closed form; second route: the sum over opportunities
                      alpha/(alpha+beta) * sum_{t=1..n} B(gamma, delta+t)/B(gamma, delta)
  E[X(n, n+n*)|...]   the conditional-expectation closed form; second route: the sum over the n* future opportunities
  DERT(d|...)         eq. (14) with mpmath.hyp2f1; second route: the discounted series summed
                      term by term (mpmath.nsum)

The fit: scipy Nelder-Mead on the log-parameters, then Newton steps on the mpmath
log-likelihood (derivatives by mpmath.diff at 40 digits), so the estimates are exact to far
more digits than a float carries; standard errors from the inverse of the mpmath Hessian.
"""
import os, csv, json, sys
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln

mp.mp.dps = 40
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '') if len(sys.argv) < 2 else sys.argv[1]


def f(v):
    return float(v)


def B(a, b):
    return mp.beta(a, b)


def lik(al, be, ga, de, x, tx, n):
    """The likelihood: B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_i B(a+x, b+tx-x+i)/B(a,b) B(g+1, d+tx+i)/B(g,d)."""
    s = B(al + x, be + n - x) / B(al, be) * B(ga, de + n) / B(ga, de)
    for i in range(n - tx):
        s += B(al + x, be + tx - x + i) / B(al, be) * B(ga + 1, de + tx + i) / B(ga, de)
    return s


def lik_quad(al, be, ga, de, x, tx, n):
    """The individual-level likelihood, each term's p- and theta-integrals by quadrature."""
    fp = lambda k, m: mp.quad(lambda p: p ** (al - 1 + k) * (1 - p) ** (be - 1 + m), [0, 0.5, 1]) / B(al, be)
    ft = lambda k, m: mp.quad(lambda t: t ** (ga - 1 + k) * (1 - t) ** (de - 1 + m), [0, 0.5, 1]) / B(ga, de)
    s = fp(x, n - x) * ft(0, n)
    for i in range(n - tx):
        s += fp(x, tx - x + i) * ft(1, tx + i)
    return s


def p_alive(al, be, ga, de, x, tx, n, L=None):
    """P(alive at opportunity n+1 | x, tx, n)."""
    L = lik(al, be, ga, de, x, tx, n) if L is None else L
    return B(al + x, be + n - x) / B(al, be) * B(ga, de + n + 1) / B(ga, de) / L


def ex(al, be, ga, de, n):
    """Closed form of E[X(n)] of a new customer."""
    return al / (al + be) * de / (ga - 1) * (1 - mp.gamma(ga + de) / mp.gamma(1 + de) * mp.gamma(1 + de + n) / mp.gamma(ga + de + n))


def ex_sum(al, be, ga, de, n):
    return al / (al + be) * mp.fsum(B(ga, de + t) / B(ga, de) for t in range(1, n + 1))


def cond(al, be, ga, de, x, tx, n, ns):
    """Closed form of E[X(n, n+n*) | x, tx, n]."""
    L = lik(al, be, ga, de, x, tx, n)
    return (1 / L * B(al + x + 1, be + n - x) / B(al, be) * de / (ga - 1) * mp.gamma(ga + de) / mp.gamma(1 + de)
            * (mp.gamma(1 + de + n) / mp.gamma(ga + de + n) - mp.gamma(1 + de + n + ns) / mp.gamma(ga + de + n + ns)))


def cond_sum(al, be, ga, de, x, tx, n, ns):
    L = lik(al, be, ga, de, x, tx, n)
    head = B(al + x + 1, be + n - x) / B(al, be) / L
    return head * mp.fsum(B(ga, de + t) / B(ga, de) for t in range(n + 1, n + ns + 1))


def dert(al, be, ga, de, x, tx, n, d):
    """eq. (14): DERT(d | x, tx, n)."""
    L = lik(al, be, ga, de, x, tx, n)
    return (B(al + x + 1, be + n - x) / B(al, be) * B(ga, de + n + 1) / (B(ga, de) * (1 + d))
            * mp.hyp2f1(1, de + n + 1, ga + de + n + 1, 1 / (1 + d)) / L)


def dert_sum(al, be, ga, de, x, tx, n, d):
    L = lik(al, be, ga, de, x, tx, n)
    head = B(al + x + 1, be + n - x) / B(al, be) / L
    return head * mp.nsum(lambda t: B(ga, de + n + t) / B(ga, de) / (1 + d) ** t, [1, mp.inf])


def rel(a, b):
    return abs(a - b) / abs(b)


out = {}

# --- Fit on the donations data (grouped rows with weights) ---
rows = [(int(r['frequency']), int(r['recency']), int(r['periods']), int(r['weights']))
        for r in csv.DictReader(open(DATA + 'donations.csv'))]
X = np.array([r[0] for r in rows], float); TX = np.array([r[1] for r in rows], float)
N = np.array([r[2] for r in rows], float); W = np.array([r[3] for r in rows], float)


def nll(lp):
    al, be, ga, de = np.exp(lp)
    total = 0.0
    for x, tx, n, w in zip(X, TX, N, W):
        terms = [betaln(al + x, be + n - x) - betaln(al, be) + betaln(ga, de + n) - betaln(ga, de)]
        for i in range(int(n - tx)):
            terms.append(betaln(al + x, be + tx - x + i) - betaln(al, be) + betaln(ga + 1, de + tx + i) - betaln(ga, de))
        total += w * np.logaddexp.reduce(terms)
    return -total


opts = {'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000}
res = minimize(nll, np.zeros(4), method='Nelder-Mead', options=opts)
res = minimize(nll, res.x, method='Nelder-Mead', options=opts)


def mp_ll(al, be, ga, de):
    return mp.fsum(w * mp.log(lik(al, be, ga, de, x, tx, n)) for x, tx, n, w in rows)


def mp_ll_log(u):
    return mp_ll(*[mp.exp(v) for v in u])


# Newton on the log-parameters with 40-digit derivatives.
u = [mp.mpf(v) for v in res.x]
for _ in range(8):
    g = mp.matrix([mp.diff(lambda *v: mp_ll_log(list(v)), u, tuple(1 if j == i else 0 for j in range(4))) for i in range(4)])
    H = mp.matrix(4, 4)
    for i in range(4):
        for j in range(4):
            order = [0, 0, 0, 0]; order[i] += 1; order[j] += 1
            H[i, j] = mp.diff(lambda *v: mp_ll_log(list(v)), u, tuple(order))
    step = mp.lu_solve(H, g)
    u = [u[i] - step[i] for i in range(4)]
    if max(abs(s) for s in step) < mp.mpf('1e-30'):
        break
est = [mp.exp(v) for v in u]
H = mp.matrix(4, 4)
for i in range(4):
    for j in range(4):
        order = [0, 0, 0, 0]; order[i] += 1; order[j] += 1
        H[i, j] = -mp.diff(lambda *v: mp_ll(*v), est, tuple(order))
cov = H ** -1
ll = mp_ll(*est)
out['donations'] = {
    'params': [f(v) for v in est],
    'logLikelihood': f(ll),
    'standardErrors': [f(mp.sqrt(cov[i, i])) for i in range(4)],
    'n': sum(r[3] for r in rows),
    'scipyNelderMeadParams': [f(v) for v in np.exp(res.x)],
}
sys.stderr.write('MLE %s LL %s SE %s\n' % (out['donations']['params'], out['donations']['logLikelihood'], out['donations']['standardErrors']))

# --- Published predictions, recomputed at the MLE ---
M = est
# Hardie (2011) workbook, "Tracking Plot" B7:B17: E[X(t)] per customer, t = 1..11.
out['trackingAtMle'] = [[t, f(ex(*M, t)), f(ex_sum(*M, t))] for t in range(1, 12)]
# "Conditional Expectations (II)": expected repeat transactions of the cohort in 2002-2006 (n* = 5).
out['cohortHoldoutAtMle'] = f(mp.fsum(w * cond(*M, x, tx, n, 5) for x, tx, n, w in rows))
# Paper, Table 6: P(alive in 2002) for every (x, tx) at n = 6.
out['aliveTableAtMle'] = [[x, tx, n, f(p_alive(*M, x, tx, n))] for x, tx, n, _ in rows]

# --- Closed forms at the published estimates, each against its second route ---
P = (mp.mpf('1.204'), mp.mpf('0.750'), mp.mpf('0.657'), mp.mpf('2.783'))
customers = [(0, 0, 6), (1, 1, 6), (1, 6, 6), (2, 4, 6), (3, 4, 6), (5, 6, 6), (6, 6, 6), (0, 0, 0), (1, 1, 1), (4, 10, 20), (0, 0, 30)]
out['likelihood'] = []
out['alive'] = []
for x, tx, n in customers:
    L = lik(*P, x, tx, n)
    if n <= 6:
        q = lik_quad(*P, x, tx, n)
        assert rel(L, q) < mp.mpf('1e-25'), (x, tx, n, L, q)
    out['likelihood'].append([x, tx, n, f(mp.log(L))])
    out['alive'].append([x, tx, n, f(p_alive(*P, x, tx, n, L))])
out['expected'] = []
for n in [0, 1, 2, 6, 11, 50, 1000]:
    a, b = (ex(*P, n), ex_sum(*P, n)) if n > 0 else (mp.mpf(0), mp.mpf(0))
    if n > 0:
        assert rel(a, b) < mp.mpf('1e-30')
    out['expected'].append([n, f(a)])
# gamma = 1 (the closed form is 0/0 there) and gamma + delta < 1: only the sum route.
out['expectedSum'] = [[list(map(f, q)), n, f(ex_sum(*q, n))] for q, n in [
    ((mp.mpf(1), mp.mpf(1), mp.mpf(1), mp.mpf(2)), 10),
    ((mp.mpf('0.5'), mp.mpf('2'), mp.mpf('0.2'), mp.mpf('0.3')), 25),
    ((mp.mpf('3'), mp.mpf('0.5'), mp.mpf('40'), mp.mpf('0.1')), 7),
    ((mp.mpf('1.204'), mp.mpf('0.75'), mp.mpf(1) + mp.mpf('1e-9'), mp.mpf('2.783')), 40),
]]
out['conditional'] = []
for x, tx, n in customers:
    for ns in [1, 5, 10, 100]:
        a, b = cond(*P, x, tx, n, ns), cond_sum(*P, x, tx, n, ns)
        assert rel(a, b) < mp.mpf('1e-30'), (x, tx, n, ns)
        out['conditional'].append([x, tx, n, ns, f(a)])
out['conditionalSum'] = [[list(map(f, q)), x, tx, n, ns, f(cond_sum(*q, x, tx, n, ns))] for q, x, tx, n, ns in [
    ((mp.mpf(1), mp.mpf(1), mp.mpf(1), mp.mpf(2)), 3, 5, 8, 10),
    ((mp.mpf('0.5'), mp.mpf('2'), mp.mpf('0.2'), mp.mpf('0.3')), 0, 0, 12, 30),
]]
out['dert'] = []
for x, tx, n in customers:
    for d in ['0.1', '0.01', '0.5']:
        a, b = dert(*P, x, tx, n, mp.mpf(d)), dert_sum(*P, x, tx, n, mp.mpf(d))
        assert rel(a, b) < mp.mpf('1e-25'), (x, tx, n, d, a, b)
        out['dert'].append([x, tx, n, float(d), f(a)])

# Small discount rates with gamma a whole number (where a float 2F1 has no fast route near z = 1).
out['dertSmallRate'] = []
for g, d in [('2', '1e-6'), ('1', '1e-5'), ('0.657', '1e-8')]:
    q = (P[0], P[1], mp.mpf(g), P[3])
    out['dertSmallRate'].append([list(map(f, q)), 2, 4, 6, float(d), f(dert(*q, 2, 4, 6, mp.mpf(d)))])

# --- Extreme customers, 80 digits: x = 10,000 opportunities, tx = n, x = 0 ---
mp.mp.dps = 80
out['extreme'] = []
for x, tx, n in [(10000, 10000, 10000), (5000, 9000, 10000), (1, 1, 10000), (0, 0, 10000), (9999, 10000, 10000)]:
    L = lik(*P, x, tx, n)
    out['extreme'].append({
        'customer': [x, tx, n],
        'logLikelihood': f(mp.log(L)),
        'alive': f(p_alive(*P, x, tx, n, L)),
        'conditional10': f(cond_sum(*P, x, tx, n, 10)),
        'dert': f(dert(*P, x, tx, n, mp.mpf('0.1'))),
    })
out['expectedLarge'] = [[n, f(ex_sum(*P, n))] for n in [10000]]
json.dump(out, sys.stdout, indent=1)
