// The generated resolver types are committed (a fresh clone type-checks, and a diff shows what an SDL change does to the
// TypeScript); the build regenerates them, and this test fails when a committed file is not what its SDL gives today.
// codegen runs in a child process: its plugins are CommonJS that load ES modules, which jest's module system refuses.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA_FIRST = ['hub', 'juki', 'cases'];

// Generates in memory (nothing written) with the subgraph's codegen.ts, its beforeOneFileWrite hooks applied as on a write.
const GENERATE = `
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
const { config } = await loadCodegenConfig({ configFilePath: 'codegen.ts' });
const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
const hooks = config.hooks?.beforeOneFileWrite ?? [];
const files = outputs.map((o) => ({ filename: o.filename, content: hooks.reduce((c, hook) => hook(o.filename, c), o.content) }));
process.stdout.write(JSON.stringify(files));
`;

describe('the generated resolver types', () => {
  it.each(SCHEMA_FIRST)(
    'subgraphs/%s/src/generated is what its SDL gives',
    (name) => {
      const cwd = join(ROOT, 'subgraphs', name);
      const files = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], { cwd, encoding: 'utf8' })) as {
        filename: string;
        content: string;
      }[];
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(readFileSync(join(cwd, file.filename), 'utf8')).toBe(file.content);
    },
    60_000,
  );
});
