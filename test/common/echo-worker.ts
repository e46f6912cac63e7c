// A worker for test/common/worker.test.ts: answers each message of the main thread with it
// doubled, until it is told "stop" (or waits longer than its patience: "bored").
import { fromMain, reply, workerInput } from "../../common/worker.js";

const { patienceMs } = workerInput<{ patienceMs: number }>();
for (;;) {
  const message = fromMain(patienceMs) as { n?: number; stop?: true } | undefined;
  if (message === undefined) {
    reply({ bored: true });
    break;
  }
  if (message.stop) break;
  reply({ twice: (message.n ?? 0) * 2 });
}
