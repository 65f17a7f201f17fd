/**
 * Process-group termination: SIGTERM, a grace period, then SIGKILL, until no live member is left.
 * Zombies (exited, not yet reaped) count as gone.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readdirSync, readFileSync } from 'node:fs';

/** Pids of live (non-zombie) processes in process group `pgid`; uses /proc, else kill(-pgid, 0). */
export function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp … ; comm may contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(entry));
    } catch {
      // exited while reading
    }
  }
  return members;
}

/** Sends `signal` to the whole group; false when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Terminates a process group: SIGTERM, waits up to `graceMs`, then SIGKILL and waits again. */
export async function killGroup(pgid: number, graceMs = 2000): Promise<void> {
  if (liveGroupMembers(pgid).length === 0) return;
  signalGroup(pgid, 'SIGTERM');
  for (let waited = 0; waited < graceMs; waited += 50) {
    if (liveGroupMembers(pgid).length === 0) return;
    await sleep(50);
  }
  signalGroup(pgid, 'SIGKILL');
  for (let waited = 0; waited < 5000; waited += 50) {
    if (liveGroupMembers(pgid).length === 0) return;
    await sleep(50);
  }
}

/** SIGKILL to the group without waiting, for signal handlers. */
export function killGroupNow(pgid: number): void {
  signalGroup(pgid, 'SIGKILL');
}
