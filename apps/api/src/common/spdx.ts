import parseSpdx from 'spdx-expression-parse';

/** A valid SPDX licence expression (`MIT`, `MIT OR Apache-2.0`, `LicenseRef-…`). */
export function isSpdxExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}
