type Task = () => Promise<unknown>;
type Scheduler = (task: Task) => void;

const pending = new Set<Promise<unknown>>();

// Outside a request (tests, scripts) work runs at once but unawaited; flushDeferred() waits for it.
let schedule: Scheduler = (task) => {
  const running = task().catch((error: unknown) => console.error("deferred task failed", error));
  pending.add(running);
  void running.finally(() => pending.delete(running));
};

/** The server swaps in Next's after(), so work such as an email never delays or shapes the response. */
export function setDeferredScheduler(scheduler: Scheduler) {
  schedule = scheduler;
}

export function runAfterResponse(task: Task) {
  schedule(task);
}

export async function flushDeferred() {
  while (pending.size > 0) await Promise.all([...pending]);
}
