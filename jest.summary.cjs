// Ends the test output with one plain line, "tests: N passed, N failed, N skipped", that any CI can read, after a line
// that counts the tests of each layer of the pyramid: end-to-end (tests/, each topology), in-process subgraph (a file
// that runs operations on a built subgraph schema, through the in-process helper, the hub's module fixture or the
// sector suite) and unit (the rest).
const { readFileSync } = require('node:fs');
const { relative } = require('node:path');

const IN_PROCESS = /inProcessSubgraph|hub-fixture|sectorSubgraphSuite/;

function layerOf(file) {
  if (relative(__dirname, file).split('\\').join('/').startsWith('tests/')) return 'e2e';
  try {
    return IN_PROCESS.test(readFileSync(file, 'utf8')) ? 'in-process subgraph' : 'unit';
  } catch {
    return 'unit';
  }
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
