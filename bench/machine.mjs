// Describes the machine a benchmark ran on, for the report header.

import { readFileSync } from 'node:fs';
import os from 'node:os';

function readCpuModel() {
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const match = /^model name\s*:\s*(.+)$/m.exec(cpuinfo);
    return match ? match[1].trim() : 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function readOsName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release);
    return match ? match[1] : os.type();
  } catch {
    return os.type();
  }
}

/** Returns the 1-minute load average, which shows whether other work shared the CPU with the benchmark. */
export function readLoadAverage() {
  return os.loadavg()[0].toFixed(2);
}

/** Returns the facts that make benchmark numbers comparable between runs. */
export function describeMachine(chromiumVersion) {
  return {
    cores: os.availableParallelism(),
    cpuModel: readCpuModel(),
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    os: readOsName(),
    chromium: chromiumVersion,
    node: process.version,
    loadAverageAtStart: readLoadAverage(),
  };
}
