"""Independent reference values for the Pareto/NBD tests (mpmath, 40+ digits; scipy for the fit).

Run: python3 test/clv/reference/pareto_nbd_reference.py > test/clv/reference/pareto-nbd-reference.json

Formulas implemented directly from the papers, without the transformations used in src/
(no integration by parts, no Euler transformation, no quadrature split):
  likelihood        Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
                    expressions", eq. 19, with A0 as the difference of two 2F1 terms in its two
                    cases (alpha >= beta, alpha < beta), mpmath.hyp2f1 at 60 digits; and the same
                    likelihood with A0 as the integral it stands for (mpmath.quad).
  P(alive)          same note, eq. 21 (A0 as above)
  E[X(t)]           eq. 17, and by quadrature E[X(t)] = (r/alpha) E[(1 - exp(-mu t))/mu], mu ~ Gamma(s, beta)
  E[Y(t)|x,tx,T]    eq. 22, and by quadrature over mu ~ Gamma(s, beta + T), times P(alive)
  2F1(a, b; a+1; z) mpmath.hyp2f1
  I(p,a,q,b;t)      the integral int_t^inf (a+u)^-p (b+u)^-q du via mpmath.hyp2f1, derivatives by mpmath.diff
"""
import os, csv, json, sys
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '') if len(sys.argv) < 2 else sys.argv[1]
MAXTERMS = 10 ** 7
mp.mp.dps = 40


def f(v):
    return float(v)


def hyp(a, b, c, z):
    return mp.hyp2f1(a, b, c, z, maxterms=MAXTERMS)


def A0_paper(r, al, s, be, x, tx, T):
    """The note's A0 (eq. 19), both cases."""
    m = r + s + x
    if al >= be:
        F = lambda t: hyp(m, s + 1, m + 1, (al - be) / (al + t)) / (al + t) ** m
    else:
        F = lambda t: hyp(m, r + x, m + 1, (be - al) / (be + t)) / (be + t) ** m
    return F(tx) - F(T)


def A0_quad(r, al, s, be, x, tx, T):
    """A0 = (r+s+x) * int_tx^T (al+u)^-(r+x) (be+u)^-(s+1) du."""
    if tx == T:
        return mp.mpf(0)
    width = (al + tx) / (r + x + s + 1)
    pts = [tx] + [tx + k * width for k in (0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128) if tx + k * width < T] + [T]
    g = lambda u: (al + u) ** (-(r + x)) * (be + u) ** (-(s + 1))
    return (r + s + x) * mp.quad(g, pts)


def loglik(r, al, s, be, x, tx, T, A0=A0_paper):
    m = r + s + x
    first = (al + T) ** (-(r + x)) * (be + T) ** (-s)
    return mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al) + s * mp.log(be) + mp.log(first + s / m * A0(r, al, s, be, x, tx, T))


def p_alive(r, al, s, be, x, tx, T, A0=A0_paper):
    return 1 / (1 + s / (r + s + x) * (al + T) ** (r + x) * (be + T) ** s * A0(r, al, s, be, x, tx, T))


def ex_t(r, al, s, be, t):
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))


def mean_inverse_rate(s, rate, t):
    """E[(1 - exp(-mu t))/mu], mu ~ Gamma(s, rate)."""
    dens = lambda mu: rate ** s * mu ** (s - 1) * mp.exp(-rate * mu) / mp.gamma(s)
    # mu = v^(1/s) removes the mu^(s-1) singularity at 0; a log-spaced grid follows the scales.
    g = lambda v: -mp.expm1(-v ** (1 / s) * t) / v ** (1 / s) * rate ** s * mp.exp(-rate * v ** (1 / s)) / mp.gamma(s + 1)
    scale = (s / rate) ** s
    return mp.quad(g, [0] + [scale * 10 ** k for k in range(-12, 5)] + [mp.inf])


def ex_t_quad(r, al, s, be, t):
    return r / al * mean_inverse_rate(s, be, t)


def cond(r, al, s, be, x, tx, T, t):
    return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - ((be + T) / (be + T + t)) ** (s - 1)) * p_alive(r, al, s, be, x, tx, T)


def cond_quad(r, al, s, be, x, tx, T, t):
    return (r + x) / (al + T) * mean_inverse_rate(s, be + T, t) * p_alive(r, al, s, be, x, tx, T, A0_quad)


def M(v):
    return mp.mpf(str(v))


out = {}

# --- The fit on CDNOW, independently: scipy Nelder-Mead on the note's likelihood, then mpmath ---
rows = list(csv.DictReader(open(DATA + 'cdnow_customers_summary.csv')))
X = np.array([float(r['frequency']) for r in rows])
TX = np.array([float(r['recency']) for r in rows])
TT = np.array([float(r['T']) for r in rows])


def nll(lp):
    r, al, s, be = np.exp(lp)
    m = r + s + X
    if al >= be:
        l1 = np.log(hyp2f1(m, s + 1, m + 1, (al - be) / (al + TX))) - m * np.log(al + TX)
        l2 = np.log(hyp2f1(m, s + 1, m + 1, (al - be) / (al + TT))) - m * np.log(al + TT)
    else:
        l1 = np.log(hyp2f1(m, r + X, m + 1, (be - al) / (be + TX))) - m * np.log(be + TX)
        l2 = np.log(hyp2f1(m, r + X, m + 1, (be - al) / (be + TT))) - m * np.log(be + TT)
    with np.errstate(divide='ignore'):
        lA0 = l1 + np.log1p(-np.exp(l2 - l1))
    first = -(r + X) * np.log(al + TT) - s * np.log(be + TT)
    return -np.sum(gammaln(r + X) - gammaln(r) + r * np.log(al) + s * np.log(be) + np.logaddexp(first, np.log(s / m) + lA0))


opts = {'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000}
res = minimize(nll, np.zeros(4), method='Nelder-Mead', options=opts)
res = minimize(nll, res.x, method='Nelder-Mead', options=opts)
groups = {}
for x, tx, T in zip(X, TX, TT):
    groups[(x, tx, T)] = groups.get((x, tx, T), 0) + 1


def mp_ll(r, al, s, be):
    return mp.fsum(w * loglik(r, al, s, be, int(x), M(tx), M(T)) for (x, tx, T), w in groups.items())


mp.mp.dps = 30
est = [mp.mpf(v) for v in np.exp(res.x)]
H = mp.matrix(4, 4)
h = mp.mpf('1e-7')
for i in range(4):
    for j in range(i, 4):
        def at(di, dj):
            p = list(est)
            p[i] += di
            p[j] += dj
            return mp_ll(*p)
        H[i, j] = H[j, i] = -(at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
cov = H ** -1
out['cdnow'] = {
    'params': [f(v) for v in est],
    'logLikelihood': f(mp_ll(*est)),
    'standardErrors': [f(mp.sqrt(cov[i, i])) for i in range(4)],
}
mp.mp.dps = 40

# --- ln 2F1(a, b; a+1; z), the function of the likelihood ---
hyp_cases = [
    (0.553 + 0.606 + 2, 1.606, 0.0810), (0.553 + 0.606, 0.553, 0.2),  # CDNOW-like
    (2.0, 1.0, 0.5), (2.0, 1.0, 0.999999), (1.5, 1.0, 0.9999999999),  # b = 1: a logarithm at z -> 1
    (0.02, 1.01, 0.95), (0.02, 0.01, 0.999), (0.001, 0.5, 0.999999),  # tiny a
    (10000.6, 1.6, 0.5), (10000.6, 1.6, 0.99999), (10000.6, 10000.5, 0.3), (10000.6, 10000.5, 0.97),  # x = 10,000
    (3.2, 2.2, 0.9), (3.2, 2.2, 0.9000001), (3.2, 2.2, 0.97), (3.2, 4.1, 0.999),  # around the split
    (50.0, 49.0, 0.99), (7.0, 3.0, 1 - 1e-12), (0.7, 1.6999, 0.9999),
]
# Exact binary values of the doubles the tests pass: near z = 1, 1 - z is ill-conditioned.
out['hyp2f1'] = [[a, b, z, f(mp.log(hyp(mp.mpf(a), mp.mpf(b), mp.mpf(a) + 1, mp.mpf(z))))] for a, b, z in hyp_cases]


# --- ln I(p, alpha, q, beta; t) and its gradient in (p, alpha, q, beta) ---
def ln_integral(p, al, q, be, t):
    if al >= be:
        a, fe, b, e = al, p, be, q
    else:
        a, fe, b, e = be, q, al, p
    m = e + fe - 1
    return -m * mp.log(a + t) + mp.log(hyp(m, e, m + 1, (a - b) / (a + t))) - mp.log(m)


integral_cases = [
    (1.553 + 2, 10.578, 0.606, 11.669, 38.86), (0.553 + 2, 10.578, 1.606, 11.669, 30.43),  # CDNOW, alpha < beta
    (1.553, 11.669, 1.606, 10.578, 0), (2.5, 4.0, 0.3, 4.0, 7.0),  # alpha > beta, alpha = beta
    (1.3, 0.01, 1.2, 100.0, 0), (1.3, 100.0, 1.2, 0.01, 0.5),  # z near 1, both cases (split)
    (10001.3, 5.0, 0.8, 2.0, 38.0), (10000.3, 5.0, 1.8, 2.0, 38.0), (10000.3, 2.0, 1.8, 5.0, 1.0),  # x = 10,000
    (0.05, 1e-3, 1.02, 50.0, 0), (1.05, 1e-3, 0.02, 50.0, 0.1),  # tiny r, s with beta >> alpha
    (2.0, 3.0, 1.0, 3000.0, 2.0), (1.0, 3000.0, 2.0, 3.0, 2.0),  # integer exponents near z = 1
]
out['powerIntegral'] = []
for args in integral_cases:
    A = [mp.mpf(v) for v in args]
    value = ln_integral(*A)
    grad = [mp.diff(lambda d: ln_integral(*[A[j] + (d if j == i else 0) for j in range(5)]), 0) for i in range(4)]
    out['powerIntegral'].append(list(args) + [f(value)] + [f(g) for g in grad])

# --- Per-customer log-likelihood: the note's two cases, against A0 by quadrature ---
mp.mp.dps = 60
param_sets = [
    (M('0.553'), M('10.578'), M('0.606'), M('11.669')),  # CDNOW (alpha < beta)
    (M('0.8'), M('12'), M('1.5'), M('3')),  # alpha > beta
    (M('0.5'), M('4'), M('2'), M('4')),  # alpha = beta
    (M('0.3'), M('0.05'), M('0.9'), M('300')),  # z near 1 (alpha << beta)
]
customers = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (7, 29.43, 35.38), (5, 20, 20), (30, 36, 38.86), (2, 5, 38.86), (0, 0, 0), (3, 38.85, 38.86)]
out['loglik'] = []
for k, P in enumerate(param_sets):
    for x, tx, T in customers:
        paper = loglik(*P, x, M(tx), M(T))
        quad = loglik(*P, x, M(tx), M(T), A0_quad)
        out['loglik'].append([k, x, tx, T, f(paper), f(quad)])
out['loglikParams'] = [[f(v) for v in P] for P in param_sets]
out['loglikLarge'] = [[k, x, tx, T, f(loglik(*param_sets[k], x, M(tx), M(T)))] for k, x, tx, T in [(0, 10000, 38.86, 38.86), (0, 10000, 30, 38.86), (1, 10000, 38, 38.86), (3, 500, 20, 38.86)]]

# --- P(alive) ---
out['alive'] = []
for k, P in enumerate(param_sets):
    for x, tx, T in customers + [(10000, 38.86, 38.86), (10000, 38, 38.86), (10000, 30, 38.86), (500, 37, 38.86)]:
        out['alive'].append([k, x, tx, T, f(p_alive(*P, x, M(tx), M(T))), f(p_alive(*P, x, M(tx), M(T), A0_quad))])
mp.mp.dps = 40

# --- E[X(t)] and E[Y(t) | x, tx, T] ---
P = param_sets[0]
out['expected'] = []
for k, Q in enumerate(param_sets + [(M('0.5'), M('3'), M('1'), M('2')), (M('0.5'), M('3'), M('1') + M('1e-9'), M('2')), (M('2'), M('0.5'), M('0.2'), M('0.01'))]):
    for t in [0.5, 1, 10, 39, 52, 78, 200]:
        closed = ex_t(*Q, M(t)) if Q[2] != 1 else Q[0] * Q[3] / Q[1] * mp.log1p(M(t) / Q[3])
        out['expected'].append([[f(v) for v in Q], t, f(closed), f(ex_t_quad(*Q, M(t)))])
out['conditional'] = []
for k in (0, 1, 3):
    Q = param_sets[k]
    for x, tx, T in customers:
        for t in [1, 39, 52]:
            args = (*Q, x, M(tx), M(T), M(t))
            out['conditional'].append([k, x, tx, T, t, f(cond(*args)), f(cond_quad(*args))])
mp.mp.dps = 60
out['conditionalLarge'] = [[k, x, tx, T, t, f(cond(*param_sets[k], x, M(tx), M(T), M(t)))] for k, x, tx, T, t in [
    (0, 10000, 38.86, 38.86, 10), (0, 10000, 38, 38.86, 10), (1, 10000, 30, 38.86, 52), (0, 500, 30, 38.86, 52)]]
json.dump(out, sys.stdout, indent=1)
