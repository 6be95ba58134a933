// Loaded first by the benchmark's pages (bench/scale.mjs): records the long
// tasks since navigation, and gives a way to wait for the next painted frame.
window.bench = { longtasks: [], firstScreen: null, findable: null };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
/** Resolves after the next frame is painted, with the time (ms since navigation). */
bench.afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));
