"""Independent reference values for the BG/NBD and Gamma-Gamma tests (mpmath, 40 digits).

Run: python3 test/clv/reference/bg_nbd_reference.py > test/clv/reference/clv-models-reference.json
Formulas implemented directly from the papers, without the transformations used in src/:
  E[X(t)]             FHL 2005 eq. 7, and by quadrature  E_p[(1 - (a/(a+pt))^r)/p], p ~ Beta(a, b)
  E[Y(t)|x,tx,T]      FHL 2005 eq. 10 (mpmath.hyp2f1), and by quadrature over p ~ Beta(a, b+x)
  P(alive|x,tx,T)     FHL 2008 note "Computing P(alive) using the BG/NBD model", eq. 1
  P(X(t)=n)           FHL 2005 eq. 8
  Gamma-Gamma         FHL 2013 note "The Gamma-Gamma model of monetary value", eqs. 4-5
"""
import os, csv, json, sys
import mpmath as mp
from scipy.optimize import minimize
import numpy as np
from scipy.special import gammaln

mp.mp.dps = 40
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '') if len(sys.argv) < 2 else sys.argv[1]

def f(v):
    return float(v)

def ll_row(r, al, a, b, x, tx, T):
    A1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
    A2 = mp.loggamma(a + b) + mp.loggamma(b + x) - mp.loggamma(b) - mp.loggamma(a + b + x)
    A3 = -(r + x) * mp.log(al + T)
    if x > 0:
        A4 = mp.log(a) - mp.log(b + x - 1) - (r + x) * mp.log(al + tx)
        return A1 + A2 + mp.log(mp.exp(A3) + mp.exp(A4))
    return A1 + A2 + A3

def ex_t(r, al, a, b, t):
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r * mp.hyp2f1(r, b, a + b - 1, t / (al + t)))

def ex_t_quad(r, al, a, b, t):
    return mp.quad(lambda p: (1 - (al / (al + p * t)) ** r) / p * p ** (a - 1) * (1 - p) ** (b - 1), [0, 1]) / mp.beta(a, b)

def p_alive(r, al, a, b, x, tx, T):
    if x == 0:
        return mp.mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))

def cond(r, al, a, b, x, tx, T, t):
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x) if x > 0 else 0)
    return num / den

def cond_quad(r, al, a, b, x, tx, T, t):
    u = al + T
    g = lambda p: (1 - (u / (u + p * t)) ** (r + x)) / p * p ** (a - 1) * (1 - p) ** (b + x - 1)
    return p_alive(r, al, a, b, x, tx, T) * mp.quad(g, [0, mp.mpf(1) / (b + x), 1]) / mp.beta(a, b + x)

def p_n(r, al, a, b, n, t):
    q = al / (al + t); z = t / (al + t)
    nb = lambda j: mp.gamma(r + j) / (mp.gamma(r) * mp.factorial(j)) * q ** r * z ** j
    first = mp.beta(a, b + n) / mp.beta(a, b) * nb(n)
    if n == 0:
        return first
    return first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * (1 - mp.fsum(nb(j) for j in range(n)))

out = {}

# --- BG/NBD fit on CDNOW, independently (scipy Nelder-Mead, then mpmath Hessian) ---
rows = list(csv.DictReader(open(DATA + 'cdnow_customers_summary.csv')))
X = np.array([float(r['frequency']) for r in rows]); TX = np.array([float(r['recency']) for r in rows]); TT = np.array([float(r['T']) for r in rows])
def nll(lp):
    r, al, a, b = np.exp(lp)
    A1 = gammaln(r + X) - gammaln(r) + r * np.log(al)
    A2 = gammaln(a + b) + gammaln(b + X) - gammaln(b) - gammaln(a + b + X)
    A3 = -(r + X) * np.log(al + TT)
    A4 = np.where(X > 0, np.log(a) - np.log(np.maximum(b + X - 1, 1e-300)) - (r + X) * np.log(al + TX), -np.inf)
    return -np.sum(A1 + A2 + np.logaddexp(A3, A4))
res = minimize(nll, np.zeros(4), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
res = minimize(nll, res.x, method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
groups = {}
for x, tx, T in zip(X, TX, TT):
    groups[(x, tx, T)] = groups.get((x, tx, T), 0) + 1
def mp_ll(r, al, a, b):
    return mp.fsum(w * ll_row(r, al, a, b, int(x), mp.mpf(str(tx)), mp.mpf(str(T))) for (x, tx, T), w in groups.items())
est = [mp.mpf(v) for v in np.exp(res.x)]
H = mp.matrix(4, 4)
h = mp.mpf('1e-8')
for i in range(4):
    for j in range(4):
        def at(di, dj):
            p = list(est); p[i] += di; p[j] += dj
            return mp_ll(*p)
        H[i, j] = -(at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
cov = H ** -1
out['bgnbdCdnow'] = {
    'params': [f(v) for v in est],
    'logLikelihood': f(mp_ll(*est)),
    'standardErrors': [f(mp.sqrt(cov[i, i])) for i in range(4)],
}

# --- BG/NBD predictions at the published estimates ---
P = (mp.mpf('0.243'), mp.mpf('4.414'), mp.mpf('0.793'), mp.mpf('2.426'))
out['bgnbdExpected'] = [[t, f(ex_t(*P, mp.mpf(t))), f(ex_t_quad(*P, mp.mpf(t)))] for t in [0.5, 1, 10, 39, 52, 78, 200]]
# a = 1 exactly and a + b < 1: only the quadrature form exists.
out['bgnbdExpectedQuad'] = [[list(map(f, q)), t, f(ex_t_quad(*q, mp.mpf(t)))] for q, t in [
    ((mp.mpf('0.5'), mp.mpf(3), mp.mpf(1), mp.mpf(2)), 20),
    ((mp.mpf('0.5'), mp.mpf(3), mp.mpf('0.3'), mp.mpf('0.4')), 20),
    ((mp.mpf(2), mp.mpf(10), mp.mpf(3), mp.mpf('0.5')), 100),
]]
customers = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (7, 29.43, 35.38), (5, 20, 20), (30, 36, 38.86), (2, 5, 38.86)]
out['bgnbdConditional'] = []
for x, tx, T in customers:
    for t in [1, 39, 52]:
        args = (*P, x, mp.mpf(str(tx)), mp.mpf(str(T)), mp.mpf(t))
        out['bgnbdConditional'].append([x, tx, T, t, f(cond(*args)), f(cond_quad(*args))])
out['bgnbdAlive'] = [[x, tx, T, f(p_alive(*P, x, mp.mpf(str(tx)), mp.mpf(str(T))))] for x, tx, T in customers + [(10000, 30, 38.86), (10000, 38.86, 38.86)]]
# x = 10,000 (only eq. 10 at high precision)
mp.mp.dps = 60
out['bgnbdConditionalLarge'] = [[x, tx, T, t, f(cond(*P, x, mp.mpf(str(tx)), mp.mpf(str(T)), mp.mpf(t)))] for x, tx, T, t in [(10000, 38.86, 38.86, 10), (10000, 38, 38.86, 10), (500, 30, 38.86, 52)]]
mp.mp.dps = 40
out['bgnbdCount'] = [[n, t, f(p_n(*P, n, mp.mpf(t)))] for n, t in [(0, 39), (1, 39), (2, 39), (3, 39), (7, 39), (0, 78), (5, 78), (40, 78), (0, 1), (1, 1)]]

# --- Gamma-Gamma on the 946 repeat customers ---
rows = list(csv.DictReader(open(DATA + 'cdnow_customers_summary_with_transactions.csv')))
rep = [(int(r['x']), float(r['zbar'])) for r in rows if int(r['x']) > 0]
gx = np.array([x for x, _ in rep], float); gz = np.array([z for _, z in rep])
def gg_nll(lp):
    p, q, g = np.exp(lp)
    return -np.sum(gammaln(p * gx + q) - gammaln(p * gx) - gammaln(q) + q * np.log(g) + (p * gx - 1) * np.log(gz) + p * gx * np.log(gx) - (p * gx + q) * np.log(g + gx * gz))
res = minimize(gg_nll, np.zeros(3), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
res = minimize(gg_nll, res.x, method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
gp = [mp.mpf(v) for v in np.exp(res.x)]
def gg_ll(p, q, g):
    return mp.fsum(mp.loggamma(p * x + q) - mp.loggamma(p * x) - mp.loggamma(q) + q * mp.log(g) + (p * x - 1) * mp.log(mp.mpf(str(z))) + p * x * mp.log(x) - (p * x + q) * mp.log(g + x * mp.mpf(str(z))) for x, z in rep)
H = mp.matrix(3, 3)
for i in range(3):
    for j in range(3):
        def at(di, dj):
            pp = list(gp); pp[i] += di; pp[j] += dj
            return gg_ll(*pp)
        H[i, j] = -(at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
cov = H ** -1
out['gammaGammaCdnow'] = {
    'params': [f(v) for v in gp],
    'logLikelihood': f(gg_ll(*gp)),
    'standardErrors': [f(mp.sqrt(cov[i, i])) for i in range(3)],
    'skipped': len(rows) - len(rep),
}
p, q, g = mp.mpf('6.25'), mp.mpf('3.74'), mp.mpf('15.44')
# E[Z | zbar, x] = (p (g + x zbar)) / (p x + q - 1)  (FHL 2013 note, eq. 5)
out['gammaGammaSpend'] = [[x, z, f(p * (g + x * mp.mpf(str(z))) / (p * x + q - 1))] for x, z in [(1, 11.77), (2, 22.35), (10, 35.0), (0, 0)]]
out['gammaGammaSpend'][-1][2] = f(p * g / (q - 1))

# --- Probabilistic CLV: margin * E[Z] * sum_k (E(kL) - E((k-1)L)) / (1+d)^k, E from eq. 10 ---
# L = 30.436875 / 7 weeks per month (mean Gregorian month), periods discounted at their end.
L = mp.mpf('30.436875') / 7
def clv(x, tx, T, z, horizon, d, margin):
    spend = p * (g + x * mp.mpf(str(z))) / (p * x + q - 1)
    args = (x, mp.mpf(str(tx)), mp.mpf(str(T)))
    total = mp.mpf(0)
    prev = mp.mpf(0)
    for k in range(1, horizon + 1):
        cur = cond(*P, *args, k * L)
        total += (cur - prev) / (1 + mp.mpf(str(d))) ** k
        prev = cur
    return margin * spend * total
out['clv'] = [[x, tx, T, z, H, d, m, f(clv(x, tx, T, z, H, d, mp.mpf(str(m))))] for x, tx, T, z, H, d, m in [
    (2, 30.43, 38.86, 22.35, 12, 0.01, 0.3),
    (0, 0, 38.86, 0, 12, 0.01, 0.3),
    (7, 29.43, 35.38, 73.74, 12, 0, 1),
    (7, 29.43, 35.38, 73.74, 24, 0.02, 0.5),
    (1, 1.71, 38.86, 11.77, 36, 0.005, 1),
]]
json.dump(out, sys.stdout, indent=1)
