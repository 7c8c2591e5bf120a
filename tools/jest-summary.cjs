// Ends the test output with one plain line, "N passed, N failed, N skipped", that any CI can read.
class Summary {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = Summary;
