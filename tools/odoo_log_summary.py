#!/usr/bin/env python3
"""Read an Odoo 18.0 log file of a test or install run and tell how it went.

Writes the relevant records only (test failures and errors, other ERROR/CRITICAL
records, the test report line), each cut to a few lines, to stdout, and, with
--counts FILE, the line "PASSED FAILED SKIPPED" to FILE.

How the counts are made:
- Odoo logs, once per database at the end, "odoo.tests.result: X failed, Y error(s)
  of Z tests when loading database ...": failed = X + Y, and
  passed = Z - X - Y - skipped, where skipped counts the tests' "skipped ..." records.
- Any ERROR/CRITICAL record that is not a test's own (a FAIL:/ERROR: record, a record
  of a test module's logger or of odoo.tests.*) means the install or the server went
  wrong: one more failure (Odoo's runbot fails a build on any error in the log too).
- No report line at all (Odoo died, or the install failed before the tests): one
  failure.
- --returncode N (odoo-bin's exit status) not 0 while nothing above failed: one
  failure.

Exit status: 0 when nothing failed, 1 otherwise.
"""

import argparse
import re
import sys

RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[^:\s]+): "
    r"(?P<msg>.*)$"
)
REPORT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests"
    r" when loading database"
)
TEST_LOGGER = re.compile(r"^odoo\.addons\.[\w.]+\.tests(\.|$)|^odoo\.tests(\.|$)")
HEAD_LINES = 4  # of a long record (traceback): its first lines and its last ones
TAIL_LINES = 12
MAX_OUTPUT = 9000


def records(path):
    """Yield [level, logger, msg, lines] for each log record (tracebacks included)."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            line = raw.rstrip("\n")
            match = RECORD.match(line)
            if match:
                if current:
                    yield current
                current = [match["level"], match["logger"], match["msg"], [line]]
            elif current:
                current[3].append(line)
            else:
                current = ["INFO", "", line, [line]]
    if current:
        yield current


def clip(lines, path):
    """The first and last lines of a long record, where a traceback says the most."""
    if len(lines) <= HEAD_LINES + TAIL_LINES + 1:
        return lines
    cut = len(lines) - HEAD_LINES - TAIL_LINES
    return [
        *lines[:HEAD_LINES],
        f"    ... ({cut} lines cut, see {path})",
        *lines[-TAIL_LINES:],
    ]


def error_excerpt(path, max_chars=6000):
    """The ERROR/CRITICAL records of a log, clipped (used by tests/conftest.py)."""
    out = []
    for level, _logger, _msg, lines in records(path):
        if level in ("ERROR", "CRITICAL"):
            out.extend(clip(lines, path))
    text = "\n".join(out)
    return text if len(text) <= max_chars else text[:max_chars] + "\n..."


def summarize(path, returncode=0):
    out = []
    report = None
    skipped = 0
    other_errors = 0
    failing = []
    for level, logger, msg, lines in records(path):
        if logger == "odoo.tests.result" and REPORT.search(msg):
            report = REPORT.search(msg)
            out.append(lines[0])
            continue
        if level == "INFO" and TEST_LOGGER.match(logger) and msg.startswith("skipped "):
            skipped += 1
            continue
        if level not in ("ERROR", "CRITICAL"):
            continue
        if msg.startswith(("FAIL:", "ERROR:")):
            failing.append(f"  {msg}")
        elif not TEST_LOGGER.match(logger):
            other_errors += 1
            failing.append(f"  {level} {logger}: {msg[:150]}")
        out.extend(clip(lines, path))

    passed = failed = 0
    notes = []
    if report:
        failed = int(report["failed"]) + int(report["errors"])
        passed = max(int(report["tests"]) - failed - skipped, 0)
    else:
        failed += 1
        notes.append(
            "no test report in the log: the install failed or Odoo stopped early"
        )
    if other_errors:
        failed += 1
        notes.append(
            f"{other_errors} ERROR/CRITICAL log record(s) outside the tests"
            " (counted as 1 failure)"
        )
    if returncode and not failed:
        failed += 1
        notes.append(f"odoo-bin exited with status {returncode}")
    text = "\n".join(out)
    if len(text) > MAX_OUTPUT:
        text = text[:MAX_OUTPUT] + f"\n... (cut: the whole log is {path})"
    if failing:
        shown = [line[:160] for line in failing[:40]]
        if len(failing) > 40:
            shown.append(f"  ... and {len(failing) - 40} more")
        text += "\nodoo tests: failures and errors:\n" + "\n".join(shown)
    return passed, failed, skipped, text, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", maxsplit=1)[0])
    parser.add_argument("logfile")
    parser.add_argument("--counts", help="write 'PASSED FAILED SKIPPED' to this file")
    parser.add_argument("--returncode", type=int, default=0)
    parser.add_argument(
        "--errors-only",
        action="store_true",
        help="print the ERROR/CRITICAL records, clipped, and nothing else",
    )
    args = parser.parse_args()
    if args.errors_only:
        sys.stdout.write(error_excerpt(args.logfile) + "\n")
        return 0
    passed, failed, skipped, text, notes = summarize(args.logfile, args.returncode)
    if text:
        sys.stdout.write(text + "\n")
    for note in notes:
        sys.stdout.write(f"odoo tests: {note}\n")
    sys.stdout.write(
        f"odoo tests: {passed} passed, {failed} failed, {skipped} skipped"
        f" (full log: {args.logfile})\n"
    )
    if args.counts:
        with open(args.counts, "w", encoding="utf-8") as counts:
            counts.write(f"{passed} {failed} {skipped}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
