/**
 * Loaded with `--import` into a `cx-metrics` process by bench/cli-engine.bench.ts: samples the
 * JavaScript heap every 5 ms and, at exit, writes the peak heap and peak RSS as one JSON line to
 * stderr (the command's own output stays on stdout).
 */
let peakHeap = 0;
const sample = (): void => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
setInterval(sample, 5).unref();
process.on('exit', () => {
  sample();
  process.stderr.write(`${JSON.stringify({ peakHeapMb: peakHeap / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
