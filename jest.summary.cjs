// Ends the test output with one plain line, "tests: N passed, N failed, N skipped", that any CI can read, after a line
// that counts the tests of each layer of the pyramid (README, "Tests"): end-to-end (tests/, each topology), in-process
// subgraph (operations on a built subgraph schema: subgraphs/*/test, packages/sector-subgraph, each sector's
// sector.test.ts) and unit (the rest).
const { relative } = require('node:path');

function layerOf(file) {
  const path = relative(__dirname, file).split('\\').join('/');
  if (path.startsWith('tests/')) return 'e2e';
  if (
    /^subgraphs\/[^/]+\/test\//.test(path) ||
    path.startsWith('packages/sector-subgraph/test/') ||
    /^adapters\/[^/]+\/test\/sector\.test\.ts$/.test(path)
  )
    return 'in-process subgraph';
  return 'unit';
}

class Summary {
  onRunComplete(_contexts, results) {
    const layers = new Map([
      ['unit', { files: 0, tests: 0 }],
      ['in-process subgraph', { files: 0, tests: 0 }],
      ['e2e', { files: 0, tests: 0 }],
    ]);
    for (const file of results.testResults) {
      const layer = layers.get(layerOf(file.testFilePath));
      layer.files += 1;
      layer.tests += file.numPassingTests + file.numFailingTests;
    }
    const perLayer = `tests per layer: ${[...layers].map(([name, l]) => `${name} ${l.tests} in ${l.files} files`).join(', ')}`;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    // After jest's own summary, so it is the last line printed.
    process.once('exit', () => process.stdout.write(`\n${perLayer}\n${line}\n`));
  }
}
module.exports = Summary;
