"""Independent reference values for keyDrivers (python3 + numpy/scipy).

Run: python3 test/survey/reference/key_drivers_reference.py > test/survey/reference/key-drivers-reference.json

Computed from the published definitions, by a different route than src/ (which works on the
correlation matrix with a Jacobi eigen-solver and Cholesky solves):
  relative weights  Johnson (2000), eqs. 1-6: numpy.linalg.eigh of R_xx, Lambda = V diag(sqrt(l)) V',
                    beta = Lambda^-1 r_xy, eps_j = sum_k Lambda_jk^2 beta_k^2.
  Shapley R^2       Lipovetsky & Conklin (2001): R^2 of every subset from a least-squares fit with an
                    intercept on the raw (weighted) data, numpy.linalg.lstsq, then the Shapley average.
  standardised beta least squares on z-scores (weighted).
The data sets are generated here (seeded) and written into the JSON with the results.
"""
import itertools, json, math
import numpy as np


def weighted_corr(X, w):
    m = np.average(X, axis=0, weights=w)
    C = ((X - m) * w[:, None]).T @ (X - m)
    s = np.sqrt(np.diag(C))
    return C / np.outer(s, s)


def relative_weights(x, y, w):
    R = weighted_corr(np.column_stack([x, y]), w)
    rxx, rxy = R[:-1, :-1], R[:-1, -1]
    lam, V = np.linalg.eigh(rxx)
    L = V @ np.diag(np.sqrt(lam)) @ V.T
    beta = np.linalg.solve(L, rxy)
    return (L ** 2) @ (beta ** 2)


def r2_subset(x, y, w, cols):
    sw = np.sqrt(w)
    A = np.column_stack([np.ones(len(y))] + [x[:, c] for c in cols]) * sw[:, None]
    b = y * sw
    coef, *_ = np.linalg.lstsq(A, b, rcond=None)
    resid = b - A @ coef
    ybar = np.average(y, weights=w)
    tss = np.sum(w * (y - ybar) ** 2)
    return 1 - np.sum(resid ** 2) / tss


def shapley(x, y, w):
    p = x.shape[1]
    r2 = {(): 0.0}
    for k in range(1, p + 1):
        for s in itertools.combinations(range(p), k):
            r2[s] = r2_subset(x, y, w, s)
    out = np.zeros(p)
    for j in range(p):
        others = [c for c in range(p) if c != j]
        for k in range(0, p):
            for s in itertools.combinations(others, k):
                wt = math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p)
                out[j] += wt * (r2[tuple(sorted(s + (j,)))] - r2[s])
    return out


def std_beta(x, y, w):
    m = np.average(x, axis=0, weights=w)
    sx = np.sqrt(np.average((x - m) ** 2, axis=0, weights=w))
    z = (x - m) / sx
    my = np.average(y, weights=w)
    zy = (y - my) / np.sqrt(np.average((y - my) ** 2, weights=w))
    sw = np.sqrt(w)
    coef, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(y)), z]) * sw[:, None], zy * sw, rcond=None)
    return coef[1:]


def case(name, x, y, w, names):
    rw = relative_weights(x, y, w)
    sh = shapley(x, y, w)
    return {
        'name': name,
        'drivers': names,
        'x': x.tolist(),
        'y': y.tolist(),
        'w': w.tolist(),
        'relativeWeights': rw.tolist(),
        'shapley': sh.tolist(),
        'rSquared': r2_subset(x, y, w, tuple(range(x.shape[1]))),
        'beta': std_beta(x, y, w).tolist(),
        'correlation': weighted_corr(np.column_stack([x, y]), w)[:-1, -1].tolist(),
        'performance': np.average(x, axis=0, weights=w).tolist(),
    }


out = {'cases': []}

# 1. The doc-comment example (complete rows only).
ex = np.array([[10, 5, 4], [9, 4, 5], [8, 4, 3], [6, 2, 4], [3, 1, 2], [7, 3, 3], [9, 5, 3], [5, 2, 2]], dtype=float)
out['cases'].append(case('doc example', ex[:, 1:], ex[:, 0], np.ones(len(ex)), ['speed', 'support']))

# 2. Four correlated 1-5 ratings driving a 0-10 NPS answer with known weights 0.5, 0.3, 0.15, 0.
rng = np.random.default_rng(20000101)
n = 400
common = rng.normal(size=n)
latent = np.column_stack([0.6 * common + 0.8 * rng.normal(size=n) for _ in range(4)])
ratings = np.clip(np.round(3 + 1.1 * latent), 1, 5)
score = 0.5 * latent[:, 0] + 0.3 * latent[:, 1] + 0.15 * latent[:, 2] + 0.6 * rng.normal(size=n)
nps = np.clip(np.round(7 + 2.2 * score), 0, 10)
out['cases'].append(case('four drivers', ratings, nps, np.ones(n), ['delivery', 'support', 'price', 'app']))

# 3. The same with survey weights in [0.2, 3].
w = np.round(rng.uniform(0.2, 3, size=n), 3)
out['cases'].append(case('four drivers, weighted', ratings, nps, w, ['delivery', 'support', 'price', 'app']))

# 4. Six drivers, one strongly collinear pair (Shapley and relative weights differ a little).
n6 = 250
base = rng.normal(size=(n6, 6))
base[:, 1] = 0.9 * base[:, 0] + 0.436 * base[:, 1]
x6 = np.clip(np.round(4 + 1.3 * base), 1, 7)
y6 = np.clip(np.round(4 + 0.8 * base[:, 0] + 0.4 * base[:, 2] - 0.3 * base[:, 4] + 0.9 * rng.normal(size=n6)), 1, 7)
out['cases'].append(case('six drivers, collinear pair, CES outcome', x6, y6, np.ones(n6), ['a', 'b', 'c', 'd', 'e', 'f']))

print(json.dumps(out, indent=1))
