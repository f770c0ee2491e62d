// The entry of a sheet worker (pool.ts): a worker thread is a fresh Node.js with none of the main
// thread's loaders, so it registers tsx itself (as bin/wangge.js does for the server) and then loads the
// TypeScript of the jobs. The same file serves `npm start`, the CLI, and the tests under vitest.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
