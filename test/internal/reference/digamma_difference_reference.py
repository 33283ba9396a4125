"""Reference values for digammaDifference(a, k) = psi(a + k) - psi(a) (mpmath, 60 digits).

Run: python3 test/internal/reference/digamma_difference_reference.py > test/internal/reference/digamma-difference-reference.json

Each a is the double the test passes, read exactly; the two digammas (each below 700 in size)
are subtracted at 60 + log10(a/k) digits, so the difference keeps more than 50 even at 1e-300.
Second route, asserted: for integer k <= 2,000 the sum sum_{i<k} 1/(a+i) (A&S 6.3.5).
"""
import json, math, sys
import mpmath as mp

mp.mp.dps = 60
A = [1e-300, 9.357622968840175e-14, 1e-5, 0.25, 0.5, 1.0, 1.4616321449683622, 2.5, 9.99, 10.0, 10.5, 63.5, 100.0,
     1e4, 14399.0, 3.5e11, 1e12, 10686474581524.463, 1e20, 1e300]
K = [0.5, 1, 2, 5, 63, 64, 65, 1000, 1e6, 1e13]
out = []
for a in A:
    for k in K:
        with mp.workdps(60 + max(0, int(math.log10(a / k)))):
            d = mp.digamma(mp.mpf(a) + k) - mp.digamma(mp.mpf(a))
        if k == int(k) and k <= 2000:
            s = mp.fsum(1 / (mp.mpf(a) + i) for i in range(int(k)))
            assert abs(s - d) <= mp.mpf('1e-40') * d, (a, k)
        out.append([a, k, float(d)])
json.dump({'source': 'digamma_difference_reference.py', 'values': out}, sys.stdout, indent=1)
sys.stdout.write('\n')
