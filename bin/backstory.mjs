#!/usr/bin/env node
// The `backstory` command. Its code is TypeScript (scripts/cli.ts), run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv.slice(2));
