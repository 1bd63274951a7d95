// Numbers shared by the load generator, the argon2 baseline and the report.

/** Nearest-rank percentiles of the first `count` entries of a Float64Array of latencies (ms). */
export function summarizeLatencies(latencies, count) {
  if (count === 0) return { p50: null, p90: null, p99: null, max: null, mean: null };
  const sorted = latencies.slice(0, count).sort();
  const at = (p) => sorted[Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1))];
  let sum = 0;
  for (const value of sorted) sum += value;
  return { p50: at(50), p90: at(90), p99: at(99), max: sorted[count - 1], mean: sum / count };
}

/**
 * CPU (all threads, as % of one core) and event-loop utilization (% of the main thread busy) between
 * two `sampleUsage()` results taken in the same process. Samples from the Latch child also carry an
 * event-loop delay histogram reset at every sample (servers/latch.js): `after`'s covers the window.
 */
export function usageBetween(before, after) {
  const wallMicros = (after.at - before.at) * 1000;
  const cpuMicros = after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system);
  const active = after.elu.active - before.elu.active;
  const total = active + (after.elu.idle - before.elu.idle);
  return {
    cpuPercent: wallMicros > 0 ? (100 * cpuMicros) / wallMicros : null,
    eventLoopPercent: total > 0 ? (100 * active) / total : null,
    // Linux only (ipc.js): the main thread's own CPU, without workers and without time spent waiting
    // for a core — on two busy cores the event loop's utilization counts that waiting as busy.
    mainThreadCpuMs:
      after.mainThreadCpuMs != null && before.mainThreadCpuMs != null
        ? after.mainThreadCpuMs - before.mainThreadCpuMs
        : null,
    ...(after.loopDelay ? { loopDelay: after.loopDelay } : {}),
  };
}
