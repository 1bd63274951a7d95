import { sampleUsage } from './ipc.js';
import { summarizeLatencies, usageBetween } from './stats.js';

/**
 * Runs `op` from `concurrency` workers, each starting its next operation as soon as the previous one
 * finishes (a closed loop), for `warmupMs` unrecorded and then `durationMs` recorded — or until
 * `maxOps` operations have started in the recorded window, or `maxErrors` have failed.
 *
 * `op(worker)` resolves to `null` on success or a short failure description; a throw counts as a failure.
 * `worker` is the index (0 … concurrency-1) of the loop calling it, so a worker can keep its own
 * identity (e.g. its own session) for the whole phase.
 * Only operations that *start* in the recorded window are counted; the window ends when the last of
 * them completes, so `perSecond` is completions ÷ that window. With `keepLatencies`, the recorded
 * latencies come back too (a Float64Array, for pooling rounds; IPC must use 'advanced' serialization).
 */
export async function runClosedLoop({
  concurrency,
  warmupMs,
  durationMs,
  maxOps,
  maxErrors = 100,
  keepLatencies = false,
  op,
  onMeasureStart,
}) {
  const latencies = new Float64Array(maxOps);
  const failures = new Map();
  let started = 0;
  let ok = 0;
  let errors = 0;
  let warmupOk = 0;
  let warmupErrors = 0;
  let windowStart = null;
  let usageStart = null;
  const loopStart = performance.now();
  const measureFrom = loopStart + warmupMs;
  const deadline = measureFrom + durationMs;

  const worker = async (index) => {
    for (;;) {
      const start = performance.now();
      if (start >= deadline || errors + warmupErrors >= maxErrors) return;
      const recorded = start >= measureFrom;
      if (recorded) {
        if (windowStart === null) {
          windowStart = start;
          usageStart = sampleUsage();
          onMeasureStart?.();
        }
        if (started >= maxOps) return;
        started++;
      }
      let failure;
      try {
        failure = await op(index);
      } catch (error) {
        failure = error?.code ?? error?.message ?? String(error);
      }
      const end = performance.now();
      if (failure == null) {
        if (recorded) latencies[ok++] = end - start;
        else warmupOk++;
      } else {
        if (recorded) errors++;
        else warmupErrors++;
        if (failures.size < 5 || failures.has(failure)) failures.set(failure, (failures.get(failure) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));

  const windowEnd = performance.now();
  const elapsedMs = windowStart === null ? 0 : windowEnd - windowStart;
  return {
    concurrency,
    ok,
    errors,
    warmupOk,
    warmupErrors,
    elapsedMs,
    perSecond: elapsedMs > 0 ? ok / (elapsedMs / 1000) : 0,
    latencyMs: summarizeLatencies(latencies, ok),
    self: usageStart ? usageBetween(usageStart, sampleUsage()) : null,
    failures: Object.fromEntries(failures),
    ...(keepLatencies ? { latencies: latencies.slice(0, ok) } : {}),
  };
}
