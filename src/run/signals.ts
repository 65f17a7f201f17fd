/**
 * Cleanup on SIGINT/SIGTERM of the kubedoctest process: every active lesson kills its process
 * groups and removes its temp dir synchronously, stops its backend (bounded wait), then the
 * signal is raised again so the process ends as it would have.
 */

/** What a lesson registers while it runs. */
export interface LessonCleanup {
  /** Must not throw or wait: kill process groups. */
  kill(): void;
  /** Stop the backend and remove temp dirs. */
  stop(): Promise<void>;
}

const active = new Set<LessonCleanup>();
let installed = false;

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  uninstall();
  const lessons = [...active];
  active.clear();
  for (const lesson of lessons) {
    try {
      lesson.kill();
    } catch {
      // keep going: the others must still be cleaned up
    }
  }
  await Promise.race([Promise.allSettled(lessons.map((l) => l.stop())), new Promise((r) => setTimeout(r, 10_000).unref())]);
  process.kill(process.pid, signal);
}

const handlers = { SIGINT: () => void onSignal('SIGINT'), SIGTERM: () => void onSignal('SIGTERM') };

function uninstall(): void {
  if (!installed) return;
  process.off('SIGINT', handlers.SIGINT);
  process.off('SIGTERM', handlers.SIGTERM);
  installed = false;
}

/** Registers a lesson's cleanup; returns the function that unregisters it. */
export function registerCleanup(cleanup: LessonCleanup): () => void {
  active.add(cleanup);
  if (!installed) {
    process.on('SIGINT', handlers.SIGINT);
    process.on('SIGTERM', handlers.SIGTERM);
    installed = true;
  }
  return () => {
    active.delete(cleanup);
    if (active.size === 0) uninstall();
  };
}
