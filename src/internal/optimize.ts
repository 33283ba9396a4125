/**
 * Unconstrained minimisation for maximum-likelihood fitting: BFGS with a strong-Wolfe line
 * search, a Nelder–Mead fallback, deterministic throughout. Callers reparameterise (log scale
 * for positive parameters) so that the problem is unconstrained; a non-finite objective value
 * is treated as +Infinity, so the line search simply backs off from forbidden regions.
 */

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Analytic gradient, a new array on each call; default: central differences with steps ε^(1/3)·max(|xᵢ|, 1). */
  gradient?: (x: readonly number[]) => number[];
  /** Iteration budget of each phase (BFGS, Nelder–Mead); default 1000. */
  maxIterations?: number;
  /**
   * Converged when max|∂f/∂xᵢ| ≤ gradientTolerance·max(1, |f|) — scaled by |f| because a
   * log-likelihood summed over n customers has gradients (and rounding noise) growing with n.
   * Default 1e-8.
   */
  gradientTolerance?: number;
}

/** Outcome of {@link minimize}. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[];
  /** Objective at `x`. */
  value: number;
  /** Gradient at `x` (numeric unless an analytic gradient was given). */
  gradient: number[];
  /** Iterations over all phases. */
  iterations: number;
  /** Objective evaluations, including those for numeric gradients. */
  evaluations: number;
  /** Whether a convergence test passed (gradient small, or the value stalled at a small gradient). */
  converged: boolean;
  /** `'bfgs'` when BFGS alone succeeded; `'nelder-mead'` when the fallback was needed (then BFGS polished). */
  method: 'bfgs' | 'nelder-mead';
  /** How it stopped, for diagnostics. */
  message: string;
}

type Vector = number[];

/** A point of the Nelder–Mead simplex and the objective there. */
interface Vertex {
  x: Vector;
  value: number;
}

const C1 = 1e-4; // sufficient decrease (Armijo)
const C2 = 0.9; // curvature, the usual quasi-Newton choice (Nocedal & Wright 2006, §3.1)
/** A stall counts as convergence only if the gradient is at least this small (relative to max(1, |f|)). */
const STALL_GRADIENT = 1e-4;

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: readonly number[]): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

function axpy(x: readonly number[], alpha: number, p: readonly number[]): Vector {
  return x.map((xi, i) => xi + alpha * (p[i] as number));
}

/** How a {@link Problem} computes its gradient at x (fx = f(x)); uncomputable components are not finite. */
type GradientRule = (problem: Problem, x: readonly number[], fx: number) => Vector;

/** The objective as the phases see it: evaluations counted, a non-finite value as +Infinity. */
interface Problem {
  evaluations: number;
  value(x: readonly number[]): number;
  /** Gradient at x (fx = f(x)), a new array; components that cannot be computed come back not finite. */
  gradient(x: readonly number[], fx: number): Vector;
}

function problemOf(objective: (x: readonly number[]) => number, rule: GradientRule): Problem {
  const problem: Problem = {
    evaluations: 0,
    value: (x) => {
      problem.evaluations++;
      const v = objective(x);
      return Number.isFinite(v) ? v : Infinity;
    },
    gradient: (x, fx) => rule(problem, x, fx),
  };
  return problem;
}

/** An analytic gradient as it comes: the phases take any non-finite component as uncomputable. */
function analytic(gradient: (x: readonly number[]) => number[]): GradientRule {
  return (_problem, x) => gradient(x);
}

/**
 * Central differences with steps ε^(1/3)·max(|xᵢ|, 1), one-sided next to a forbidden region.
 * In its own function so that a caller with an analytic gradient ({@link minimizeWithGradient})
 * does not bundle it.
 */
function centralDifferences(problem: Problem, x: readonly number[], fx: number): Vector {
  const point = x.slice();
  return x.map((xi, i) => {
    const h = xi + 6.0554544523933395e-6 * Math.max(Math.abs(xi), 1) - xi; // ε^(1/3)
    point[i] = xi + h;
    const up = problem.value(point);
    point[i] = xi - h;
    const down = problem.value(point);
    point[i] = xi;
    if (up !== Infinity && down !== Infinity) return (up - down) / (2 * h);
    // Next to a forbidden region: one-sided difference from the side that is defined.
    if (up !== Infinity && fx !== Infinity) return (up - fx) / h;
    if (down !== Infinity && fx !== Infinity) return (fx - down) / h;
    return Number.NaN;
  });
}

interface Trial {
  alpha: number;
  value: number;
  slope?: number; // φ'(α), computed only when the algorithm needs it
  gradient?: Vector;
}

/**
 * Strong-Wolfe line search, Nocedal & Wright (2006) Algorithms 3.5 (bracketing) and 3.6 (zoom,
 * cubic interpolation safeguarded to the middle 80 % of the bracket, bisection when an endpoint
 * is +Infinity). Returns the accepted trial, or a point with sufficient decrease only, or
 * undefined when no decrease was found.
 */
function lineSearch(problem: Problem, x: Vector, f0: number, slope0: number, p: Vector, initial: number): Trial | undefined {
  const evaluate = (alpha: number): Trial => ({ alpha, value: problem.value(axpy(x, alpha, p)) });
  const withSlope = (t: Trial): Trial => {
    if (t.slope === undefined) {
      const point = axpy(x, t.alpha, p);
      t.gradient = problem.gradient(point, t.value);
      t.slope = dot(t.gradient, p);
    }
    return t;
  };
  const armijo = (t: Trial): boolean => t.value <= f0 + C1 * t.alpha * slope0;
  let bestDecrease: Trial | undefined;
  const note = (t: Trial): void => {
    if (armijo(t) && t.value < f0 && (bestDecrease === undefined || t.value < bestDecrease.value)) bestDecrease = t;
  };

  const zoom = (lo: Trial, hi: Trial): Trial | undefined => {
    for (let k = 0; k < 60; k++) {
      const width = hi.alpha - lo.alpha;
      if (Math.abs(width) <= 1e-16 * Math.max(Math.abs(lo.alpha), 1e-300)) break;
      // Over the rest of the bracket the value can change by about width·|φ'(0)|: once that is
      // below rounding of the value, no trial can tell a decrease from rounding.
      if (Math.abs(width * slope0) <= Number.EPSILON * Math.abs(f0)) break;
      let alpha = Number.NaN;
      if (Number.isFinite(hi.value) && lo.slope !== undefined) {
        if (hi.slope !== undefined) {
          const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.alpha - hi.alpha);
          const radicand = d1 * d1 - lo.slope * hi.slope;
          if (radicand >= 0) {
            const d2 = Math.sign(hi.alpha - lo.alpha) * Math.sqrt(radicand);
            alpha = hi.alpha - (hi.alpha - lo.alpha) * ((hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2));
          }
        } else {
          const curvature = hi.value - lo.value - lo.slope * width;
          if (curvature > 0) alpha = lo.alpha - (lo.slope * width * width) / (2 * curvature);
        }
      }
      const low = Math.min(lo.alpha, hi.alpha) + 0.1 * Math.abs(width);
      const high = Math.max(lo.alpha, hi.alpha) - 0.1 * Math.abs(width);
      if (!Number.isFinite(alpha) || alpha < low || alpha > high) {
        alpha = lo.alpha + width / (Number.isFinite(hi.value) ? 2 : 10);
      }
      const t = evaluate(alpha);
      note(t);
      if (!armijo(t) || t.value >= lo.value) {
        hi = t;
      } else {
        withSlope(t);
        const s = t.slope as number;
        if (!Number.isFinite(s)) return bestDecrease;
        if (Math.abs(s) <= -C2 * slope0) return t;
        if (s * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = t;
      }
    }
    return bestDecrease;
  };

  let previous: Trial = { alpha: 0, value: f0, slope: slope0 };
  let alpha = initial;
  for (let i = 0; i < 50; i++) {
    const t = evaluate(alpha);
    note(t);
    if (!armijo(t) || (i > 0 && t.value >= previous.value)) return zoom(previous, t);
    withSlope(t);
    const s = t.slope as number;
    if (!Number.isFinite(s)) return bestDecrease;
    if (Math.abs(s) <= -C2 * slope0) return t;
    if (s >= 0) return zoom(t, previous);
    previous = t;
    alpha *= 2;
  }
  return bestDecrease;
}

interface PhaseResult {
  x: Vector;
  value: number;
  gradient: Vector;
  iterations: number;
  converged: boolean;
  message: string;
}

/** BFGS on the inverse Hessian (Nocedal & Wright 2006, Algorithm 6.1, initial scaling eq. 6.20). */
function bfgs(problem: Problem, x0: Vector, maxIterations: number, tolerance: number): PhaseResult {
  const n = x0.length;
  let x = x0.slice();
  let f = problem.value(x);
  if (f === Infinity) return { x, value: f, gradient: x.map(() => Number.NaN), iterations: 0, converged: false, message: 'objective not finite at the start' };
  let g = problem.gradient(x, f);
  const identity = (scale: number): number[][] => x0.map((_, i) => x0.map((__, j) => (i === j ? scale : 0)));
  let h = identity(1);
  let fresh = true; // h is a (scaled) identity, not yet informed by curvature
  let stalls = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (g.some((v) => !Number.isFinite(v))) return { x, value: f, gradient: g, iterations: iteration, converged: false, message: 'gradient not finite' };
    const gMax = maxAbs(g);
    if (gMax <= tolerance * Math.max(1, Math.abs(f))) return { x, value: f, gradient: g, iterations: iteration, converged: true, message: 'gradient below tolerance' };
    let p = h.map((row) => -dot(row, g));
    let slope = dot(p, g);
    if (!(slope < 0)) {
      h = identity(1);
      fresh = true;
      p = g.map((v) => -v);
      slope = dot(p, g);
    }
    const initial = iteration === 0 ? Math.min(1, 1 / maxAbs(p)) : 1;
    const step = lineSearch(problem, x, f, slope, p, initial);
    if (step === undefined) {
      if (!fresh) {
        h = identity(1);
        fresh = true;
        iteration--;
        continue;
      }
      const stalled = gMax <= STALL_GRADIENT * Math.max(1, Math.abs(f));
      return { x, value: f, gradient: g, iterations: iteration, converged: stalled, message: stalled ? 'value stalled at rounding level' : 'line search failed' };
    }
    const xNew = axpy(x, step.alpha, p);
    const gNew = step.gradient ?? problem.gradient(xNew, step.value);
    const s = xNew.map((v, i) => v - (x[i] as number));
    const y = gNew.map((v, i) => v - (g[i] as number));
    const relativeChange = (f - step.value) / Math.max(Math.abs(f), Math.abs(step.value), 1);
    x = xNew;
    f = step.value;
    g = gNew;
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) h = identity(sy / dot(y, y));
      fresh = false;
      const hy = h.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      const rho = 1 / sy;
      // H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded.
      for (let i = 0; i < n; i++) {
        const row = h[i] as number[];
        for (let j = 0; j < n; j++) {
          row[j] =
            (row[j] as number) -
            rho * ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number)) +
            (rho * rho * yhy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    stalls = relativeChange <= 1e-15 ? stalls + 1 : 0;
    if (stalls >= 3 && maxAbs(g) <= STALL_GRADIENT * Math.max(1, Math.abs(f))) {
      return { x, value: f, gradient: g, iterations: iteration + 1, converged: true, message: 'value stalled (relative change < 1e-15)' };
    }
  }
  return { x, value: f, gradient: g, iterations: maxIterations, converged: false, message: 'iteration limit reached' };
}

/**
 * Nelder–Mead with the dimension-adaptive coefficients of Gao & Han (2012), "Implementing the
 * Nelder–Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl. 51: reflection 1,
 * expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n. Initial simplex: 5 % steps
 * (0.00025 for zero coordinates), as in MATLAB's fminsearch.
 */
function nelderMead(problem: Problem, x0: Vector, maxIterations: number): { x: Vector; value: number; iterations: number; converged: boolean } {
  const n = x0.length;
  const vertex = (x: Vector): Vertex => ({ x, value: problem.value(x) });
  let simplex = [vertex(x0.slice()), ...x0.map((xi, i) => vertex(x0.map((v, j) => (j !== i ? v : xi !== 0 ? xi * 1.05 : 0.00025))))];
  const sort = (): Vertex => simplex.sort((a, b) => a.value - b.value || 0)[0] as Vertex;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const best = sort();
    const worst = simplex[n] as Vertex;
    if (best.value === Infinity && iteration === 0) break; // no finite vertex: nothing to compare
    let spreadX = 0;
    for (const v of simplex) v.x.forEach((xi, i) => (spreadX = Math.max(spreadX, Math.abs(xi - (best.x[i] as number)) / Math.max(1, Math.abs(best.x[i] as number)))));
    if (Number.isFinite(best.value) && worst.value - best.value <= 1e-13 * Math.max(1, Math.abs(best.value)) && spreadX <= 1e-10) {
      return { ...best, iterations: iteration, converged: true };
    }
    // The centroid of every vertex but the worst, and points on the line from the worst through it.
    const centroid = x0.map((_, i) => {
      let c = 0;
      for (let k = 0; k < n; k++) c += ((simplex[k] as Vertex).x[i] as number) / n;
      return c;
    });
    const along = (t: number): Vertex => vertex(centroid.map((c, i) => c + t * (c - (worst.x[i] as number))));
    const reflected = along(1);
    if (reflected.value < best.value) {
      const expanded = along(1 + 2 / n);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < (simplex[n - 1] as Vertex).value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = along((outside ? 1 : -1) * (0.75 - 1 / (2 * n)));
      if (outside ? contracted.value <= reflected.value : contracted.value < worst.value) simplex[n] = contracted;
      // Shrink towards the best vertex.
      else simplex = simplex.map((v, k) => (k === 0 ? v : vertex(best.x.map((b, i) => b + (1 - 1 / n) * ((v.x[i] as number) - b)))));
    }
  }
  return { ...sort(), iterations: maxIterations, converged: false };
}

/**
 * Minimise `objective` from `x0`: BFGS with a strong-Wolfe line search (Nocedal & Wright 2006,
 * Algorithms 3.5, 3.6, 6.1); if BFGS fails (line search or iteration limit, non-finite gradient,
 * non-finite start), Nelder–Mead with adaptive parameters (Gao & Han 2012) from the best point so
 * far, then BFGS again to polish. Deterministic: no randomness anywhere.
 *
 * Convergence: max|gradient| ≤ gradientTolerance·max(1, |f|), or the value stalls (relative
 * change < 1e-15 three times, or no decrease possible) with max|gradient| ≤ 1e-4·max(1, |f|).
 */
export function minimize(
  objective: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  if (x0.length === 0 || x0.some((v) => !Number.isFinite(v))) throw new Error('internal minimize: x0 must be a non-empty finite vector');
  return search(objective, x0, options, options.gradient === undefined ? centralDifferences : analytic(options.gradient));
}

/**
 * {@link minimize} with an analytic gradient, which it requires (the numeric one is not bundled).
 * `x0` must be non-empty and finite, and is not checked again here: its one caller, the log-scale
 * fit, passes each model's start and rejects a non-finite one with the error a user can act on
 * (`OUT_OF_RANGE`: rescale the time unit). A non-finite start would come back unconverged, with
 * the value +Infinity, never as a finite answer.
 */
export function minimizeWithGradient(
  objective: (x: readonly number[]) => number,
  gradient: (x: readonly number[]) => number[],
  x0: readonly number[],
  options: Omit<MinimizeOptions, 'gradient'> = {},
): MinimizeResult {
  return search(objective, x0, options, analytic(gradient));
}

function search(objective: (x: readonly number[]) => number, x0: readonly number[], options: Omit<MinimizeOptions, 'gradient'>, rule: GradientRule): MinimizeResult {
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const problem = problemOf(objective, rule);
  const first = bfgs(problem, x0.slice(), maxIterations, tolerance);
  if (first.converged) {
    return { ...first, evaluations: problem.evaluations, method: 'bfgs' };
  }
  const start = first.value < Infinity ? first.x : x0.slice();
  const simplex = nelderMead(problem, start, maxIterations * x0.length);
  const candidates: PhaseResult[] = [first];
  let polished: PhaseResult | undefined;
  if (simplex.value < Infinity) {
    polished = bfgs(problem, simplex.x, maxIterations, tolerance);
    candidates.push({ x: simplex.x, value: simplex.value, gradient: problem.gradient(simplex.x, simplex.value), iterations: 0, converged: simplex.converged, message: '' }, polished);
  }
  // Lowest value wins; on a tie, a phase whose convergence test passed.
  const best = candidates.reduce((a, b) => (b.value < a.value || (b.value === a.value && b.converged && !a.converged) ? b : a));
  return {
    ...best,
    iterations: first.iterations + simplex.iterations + (polished?.iterations ?? 0),
    evaluations: problem.evaluations,
    method: 'nelder-mead',
    message: `BFGS: ${first.message}; Nelder–Mead ${simplex.converged ? 'converged' : 'hit its iteration limit'}; polish: ${polished?.message ?? 'skipped (no finite point)'}`,
  };
}
