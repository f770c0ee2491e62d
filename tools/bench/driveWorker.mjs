// The checkpoints bench's load generator, in its own thread so that building requests and reading
// answers does not run on the event loop of the server it measures (both share the bench's process).
// Given the URL, one header set per client and the request bodies (JSON), it POSTs them with
// `headers.length` concurrent clients and answers the elapsed seconds, each latency and the failures.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, payloads } = workerData;
let next = 0;
let failed = 0;
const latencies = [];
const t0 = performance.now();
await Promise.all(
  headers.map(async (h) => {
    for (;;) {
      const i = next++;
      if (i >= payloads.length) return;
      const s = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...h },
        body: payloads[i],
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - s);
      if (res.status !== 201) failed++;
    }
  }),
);
parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, latencies, failed });
