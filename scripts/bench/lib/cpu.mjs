// CPU time from /proc (Linux), to say where a run's cores went: to the server, to the load generator, or elsewhere. On
// a shared machine this is steadier than req/s, which falls with whatever else is running.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux that Node supports.

/**
 * User + system CPU seconds of a process, all its threads (the worker pool) included; or of one thread, given as
 * `<pid>/task/<tid>` (the main thread's tid is the pid).
 */
export function processCpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The machine's CPU seconds so far, all cores: busy (anything but idle and I/O wait) and in total. */
export function machineCpuSeconds() {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = values[3] + values[4];
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** CPU seconds of each pid that still exists, by pid. */
function cpuByPid(pids) {
  const out = new Map();
  for (const pid of pids) {
    try {
      out.set(pid, processCpuSeconds(pid));
    } catch {
      // Gone (a backend closed): its time is not counted.
    }
  }
  return out;
}

/**
 * CPU seconds spent from `startMs` to `startMs + lengthMs` from now: by each group of processes (`groups`: name → async
 * function listing pids, asked at both ends; a pid counts when it is there at both), by this process, and by the whole
 * machine. `result()` is undefined until the window has ended.
 */
export function cpuDuring(groups, startMs, lengthMs) {
  const snapshot = async () => {
    const byGroup = {};
    for (const [name, listPids] of Object.entries(groups)) byGroup[name] = cpuByPid(await listPids());
    return { byGroup, self: process.cpuUsage(), machine: machineCpuSeconds() };
  };
  let first;
  let last;
  const timers = [
    setTimeout(async () => (first = await snapshot()), startMs),
    setTimeout(async () => (last = await snapshot()), startMs + lengthMs),
  ];
  return {
    result() {
      if (!first || !last) return undefined;
      const groupSeconds = {};
      for (const name of Object.keys(groups)) {
        let sum = 0;
        for (const [pid, seconds] of last.byGroup[name]) {
          if (first.byGroup[name].has(pid)) sum += seconds - first.byGroup[name].get(pid);
        }
        groupSeconds[name] = sum;
      }
      return {
        groups: groupSeconds,
        self: (last.self.user + last.self.system - first.self.user - first.self.system) / 1e6,
        machineBusy: last.machine.busy - first.machine.busy,
        machineTotal: last.machine.total - first.machine.total,
      };
    },
    stop: () => timers.forEach(clearTimeout),
  };
}
