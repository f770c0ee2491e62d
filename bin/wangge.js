#!/usr/bin/env node
// The `wangge` command: runs the TypeScript CLI through tsx, so `npx wangge …` works after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
