import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';

/** Unified diff of the doc's output against the actual one, labelled `doc` and `actual`. */
export function unifiedDiff(expected: readonly string[], actual: readonly string[]): string {
  const text = (lines: readonly string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  return createTwoFilesPatch('doc', 'actual', text(expected), text(actual), undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
