// Ends the test output with one plain line, "tests: N passed, N failed, N skipped", that any CI can read.
class Summary {
  onRunComplete(_contexts, results) {
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    // After jest's own summary, so it is the last line printed.
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = Summary;
