// A second thread for synchronous code. dcplan's commands are synchronous pipelines; where one
// stage can run beside another (reading the last inventory files, the plan's translations), it
// runs in a worker thread that answers through a message port, and the main thread waits for an
// answer by sleeping on a shared counter the worker raises after each message (Atomics.wait), so
// no stage has to become asynchronous. The main thread can also send the worker more as it goes
// (`send`), which the worker takes the same way (`fromMain`), on a second counter. The worker module is imported by a few lines that answer
// with `{ failed }` when it cannot be (a broken install): the caller then does the work itself at
// once instead of waiting. Under tsx or vitest the module is TypeScript and tsx's loader is
// registered first; compiled, the .js beside the caller is used.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";

/** What every worker started here receives in `workerData`, beside its own input. */
interface Plumbing {
  readonly port: MessagePort;
  /** SharedArrayBuffer of two Int32s: messages posted so far by the worker [0] and by the main thread [1]. */
  readonly signal: SharedArrayBuffer;
}

/** The main thread's end: each message in order, waited for. */
export interface WorkerLink {
  /** The next message; undefined when none came within `patienceMs`, or after close. */
  receive(patienceMs: number): unknown;
  /** Sends the worker `message` (it takes it with fromMain); nothing after close. */
  send(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** Stops the worker (idempotent). */
  close(): void;
}

/**
 * Starts the worker module `name` (without extension) beside `callerUrl` (the caller's
 * import.meta.url) with `input` in its workerData; undefined when no thread can be started.
 */
export function startWorker(callerUrl: string, name: string, input: Record<string, unknown>): WorkerLink | undefined {
  const source = callerUrl.endsWith(".ts");
  const url = new URL(`./${name}${source ? ".ts" : ".js"}`, callerUrl);
  const signal = new SharedArrayBuffer(8);
  const counter = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const load = `${source ? 'const tsx = await import("tsx/esm/api"); tsx.register(); ' : ""}await import(${JSON.stringify(url.href)});`;
  // Valid both as a script and as a module (a worker evaluates it as a module when the process
  // runs with --input-type=module, which workers inherit): no require, no top-level await.
  const boot = `(async () => {
  const { workerData } = await import("node:worker_threads");
  try {
    ${load}
  } catch (err) {
    workerData.port.postMessage({ failed: String((err && err.message) || err) });
    const counter = new Int32Array(workerData.signal);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  }
})();`;
  let worker: Worker;
  try {
    worker = new Worker(boot, { eval: true, workerData: { ...input, port: port2, signal } satisfies Plumbing & Record<string, unknown>, transferList: [port2] });
  } catch {
    port1.close();
    return undefined;
  }
  worker.unref();
  // A worker that dies says so only through events a synchronous wait never sees; the patience covers it.
  worker.on("error", () => undefined);
  let received = 0;
  let closed = false;
  return {
    receive(patienceMs) {
      if (closed) return undefined;
      for (;;) {
        // The counter says whether anything was posted (cheaper than asking the port: polled often).
        const got = Atomics.load(counter, 0) === received ? undefined : receiveMessageOnPort(port1);
        if (got) {
          received++;
          return got.message as unknown;
        }
        if (Atomics.wait(counter, 0, received, patienceMs) === "timed-out" && Atomics.load(counter, 0) === received) return undefined;
      }
    },
    send(message, transfer = []) {
      if (closed) return;
      port1.postMessage(message, transfer as ArrayBuffer[]);
      Atomics.add(counter, 1, 1);
      Atomics.notify(counter, 1);
    },
    close() {
      if (closed) return;
      closed = true;
      port1.close();
      void worker.terminate();
    },
  };
}

/** In a worker started by startWorker: its input. */
export function workerInput<T>(): T {
  return workerData as T;
}

let fromMainCount = 0;

/** In a worker started by startWorker: the main thread's next message (WorkerLink.send), waited for up to `patienceMs`; undefined when none came. */
export function fromMain(patienceMs: number): unknown {
  const { port, signal } = workerData as Plumbing;
  const counter = new Int32Array(signal);
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got) {
      fromMainCount++;
      return got.message as unknown;
    }
    if (Atomics.wait(counter, 1, fromMainCount, patienceMs) === "timed-out" && Atomics.load(counter, 1) === fromMainCount) return undefined;
  }
}

/** In a worker started by startWorker: posts `message` to the main thread and wakes it. */
export function reply(message: unknown, transfer: readonly ArrayBuffer[] = []): void {
  const { port, signal } = workerData as Plumbing;
  port.postMessage(message, transfer as ArrayBuffer[]);
  const counter = new Int32Array(signal);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}
