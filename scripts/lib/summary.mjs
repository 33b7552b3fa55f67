// Reads the test runners' own closing lines out of Nx's streamed output, to print one total for the whole suite.
// Parsing the output keeps the apps' jest/vitest configs untouched (their JSON reporters would need flags that
// `nx run-many` would pass to both runners alike, and each rejects the other's).

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
// Jest:   "Tests:       1 failed, 2 skipped, 5 passed, 8 total"
const JEST = /^Tests:\s+(.*\d+ total)\s*$/;
// Vitest: "      Tests  1 failed | 5 passed | 2 skipped (8)"
const VITEST = /^\s*Tests\s{2,}(.*)\(\d+\)\s*$/;
const COUNT = /(\d+) (passed|failed|skipped|todo|pending)/g;
// Files that fail before any test runs (syntax or import errors, a throwing beforeAll) are missing from the test
// counts above: Jest reports each as "FAIL <file>" then "● Test suite failed to run" (repeated in its closing
// summary of failures, hence the set of files), Vitest as one "Failed Suites N" heading.
const JEST_FAIL = /^\s*FAIL\s+(\S+)/;
const JEST_SUITE_ERROR = /^\s*● Test suite failed to run/;
const VITEST_SUITE_ERRORS = /Failed Suites (\d+)/;
const KIND = { passed: 'passed', failed: 'failed', skipped: 'skipped', todo: 'skipped', pending: 'skipped' };

export class SuiteSummary {
  /** Last counts each project's runner printed (Nx replays cached output too, so this also covers cache hits). */
  #counts = new Map();
  #suiteErrors = new Map();
  #lastFailedFile = new Map();
  #projects = new Set();
  #failedTasks = new Set();
  #section = null;

  /** Feeds one line of Nx output ("<project>: <runner line>" in --outputStyle=stream). */
  line(raw) {
    const text = raw.replace(ANSI, '').replace(/\r$/, '');
    const header = text.match(/^> nx run (\S+):\S+/);
    if (header) this.#projects.add(header[1]);
    if (/^(Failed tasks|Tasks not run because)/.test(text)) this.#section = 'failed';
    else if (this.#section === 'failed' && /^- \S+:\S+$/.test(text)) this.#failedTasks.add(text.slice(2));
    else if (this.#section === 'failed' && text.trim() && !text.startsWith('- ')) this.#section = null;

    const colon = text.indexOf(': ');
    const prefix = colon > 0 ? text.slice(0, colon) : '';
    const project = this.#projects.has(prefix) ? prefix : '';
    const body = project ? text.slice(colon + 2) : text;
    const failedFile = body.match(JEST_FAIL);
    if (failedFile) this.#lastFailedFile.set(project, failedFile[1]);
    if (JEST_SUITE_ERROR.test(body)) this.#suiteError(project, this.#lastFailedFile.get(project) ?? '?');
    const vitestErrors = body.match(VITEST_SUITE_ERRORS);
    if (vitestErrors) for (let i = 0; i < Number(vitestErrors[1]); i++) this.#suiteError(project, `#${i}`);
    const match = body.match(JEST) ?? body.match(VITEST);
    if (!match) return;
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const [, n, kind] of match[1].matchAll(COUNT)) counts[KIND[kind]] += Number(n);
    this.#counts.set(project, counts);
  }

  #suiteError(project, file) {
    if (!this.#suiteErrors.has(project)) this.#suiteErrors.set(project, new Set());
    this.#suiteErrors.get(project).add(file);
  }

  /**
   * The closing lines: notes on Nx tasks that failed without their runner reporting a failed test (a build error,
   * a crashed global setup…), each counted as one failure so the total never reads as green when the run was not,
   * then "N passed, N failed, N skipped".
   */
  report() {
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const counts of this.#counts.values()) for (const key of Object.keys(total)) total[key] += counts[key];
    const notes = [];
    for (const [project, files] of this.#suiteErrors) {
      total.failed += files.size;
      notes.push(
        `${project || 'tests'}: ${files.size} test file(s) or suite(s) failed outside any test: counted as failed`,
      );
    }
    const failedIn = (project) =>
      (this.#counts.get(project)?.failed ?? 0) + (this.#suiteErrors.get(project)?.size ?? 0);
    for (const task of this.#failedTasks) {
      const project = task.slice(0, task.lastIndexOf(':'));
      if (failedIn(project) > 0) continue;
      total.failed += 1;
      notes.push(`${task} failed or did not run without reporting test results: counted as 1 failed`);
    }
    return [...notes, `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`];
  }
}
