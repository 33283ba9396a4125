// The page's script: reads the scores typed in the form and shows NPS with its interval.
// Bundle it for the browser: npx esbuild app.js --bundle --format=iife --outfile=app.bundle.js
import { nps, npsInterval } from 'cx-metrics/survey';

function show() {
  const input = document.getElementById('scores');
  const out = document.getElementById('result');
  const scores = input.value.split(/[\s,]+/).filter((s) => s !== '').map(Number);
  try {
    const result = nps(scores);
    const interval = npsInterval(result);
    out.textContent =
      result.score === undefined
        ? 'No answers yet.'
        : `NPS ${result.score.toFixed(1)} (95 % interval ${interval.lower.toFixed(1)} to ${interval.upper.toFixed(1)}) from ${result.total} answers`;
  } catch (error) {
    out.textContent = error.message;
  }
}

document.getElementById('scores').addEventListener('input', show);
show();
