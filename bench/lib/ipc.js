// Parent ↔ child plumbing: every process in the benchmark is a forked child driven by calls over IPC.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Forks `file` and returns a handle to call its commands (see `serveCalls`). Events the child emits
 * with `emit()` go to the listeners added with `onEvent`.
 */
export function spawnChild(file, name) {
  // 'advanced' serialization carries typed arrays (recorded latencies) without a JSON detour.
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const pending = new Map();
  const listeners = new Set();
  let nextId = 1;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(new Error(`${name} exited (${signal ?? code}) during "${call.cmd}"`));
      }
      pending.clear();
      resolve({ code, signal });
    });
  });
  child.on('message', (message) => {
    if (message?.event) {
      for (const listener of listeners) listener(message);
      return;
    }
    const call = pending.get(message?.id);
    if (!call) return;
    pending.delete(message.id);
    clearTimeout(call.timer);
    if (message.error) call.reject(new Error(`${name} failed "${call.cmd}": ${message.error}`));
    else call.resolve(message.result);
  });

  function call(cmd, args, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${name} is not running`));
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${name}: "${cmd}" timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { cmd, resolve, reject, timer });
      child.send({ id, cmd, args });
    });
  }

  /** Asks the child to clean up and exit; kills it (our own child, by pid) if it has not exited after `graceMs`. */
  async function stop(graceMs = 10_000) {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    try {
      await call('stop', undefined, graceMs);
    } catch {
      // Already gone or stuck: the kill below covers it.
    }
    if (child.connected) child.disconnect();
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(killer);
    return result;
  }

  const onEvent = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { name, pid: child.pid, call, stop, exited, onEvent };
}

/**
 * Child side: answers `{ id, cmd, args }` messages with `handlers[cmd](args)`. Every child also answers
 * `usage` (CPU and event-loop counters, see usage.js). After `stop` the child drops the IPC channel and
 * exits by itself once its handles are closed; if the parent vanishes, `stop` runs too.
 */
export function serveCalls(handlers) {
  const all = { usage: sampleUsage, stop: async () => {}, ...handlers };
  let stopping = null;
  const stop = () => {
    stopping ??= Promise.resolve(all.stop());
    return stopping;
  };
  const reply = (message) => {
    if (process.connected) process.send(message);
  };
  // Ctrl-C reaches the whole process group: leave it to the parent, which stops children in order
  // (so the Latch child still closes its database and removes its temp dir).
  process.on('SIGINT', () => {});
  process.on('message', async (message) => {
    if (!message || typeof message.cmd !== 'string') return;
    try {
      const handler = message.cmd === 'stop' ? stop : all[message.cmd];
      if (!handler) throw new Error(`unknown command "${message.cmd}"`);
      const result = await handler(message.args);
      reply({ id: message.id, result });
      if (message.cmd === 'stop' && process.connected) process.disconnect();
    } catch (error) {
      reply({ id: message.id, error: error?.stack ?? String(error) });
    }
  });
  process.once('disconnect', () => {
    stop().finally(() => {
      // Unref'd: a clean child exits before this fires; a leaked handle gets reported, not hung on.
      setTimeout(() => {
        console.error(`[bench] ${process.argv[1]} still had open handles after stop; exiting.`);
        process.exit(1);
      }, 3000).unref();
    });
  });
}

/** Emits an event to the parent (no reply expected). */
export function emit(event, data = {}) {
  if (process.connected) process.send({ event, ...data });
}

/** Process-wide counters; `usageBetween` turns two samples into percentages. */
export function sampleUsage() {
  return {
    at: performance.now(),
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    mainThreadCpuMs: mainThreadCpuMs(),
  };
}

/** Linux clock ticks per second for /proc's utime and stime (USER_HZ, 100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time of this process's main thread alone (ms; Linux only, null elsewhere). Unlike the event
 * loop's utilization it excludes the time the thread was runnable but descheduled — which matters on
 * two busy cores — and unlike `process.cpuUsage()` it leaves out worker threads (argon2, signing).
 */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
