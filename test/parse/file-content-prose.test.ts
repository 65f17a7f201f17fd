import { describe, expect, it } from 'vitest';
import { FILE_CONTENT_PROSE } from '../../src/parse/data/cues.js';

describe('FILE_CONTENT_PROSE', () => {
  it.each(FILE_CONTENT_PROSE.trigger)('reads %j as introducing file content', (s) => expect(FILE_CONTENT_PROSE.pattern.test(s)).toBe(true));
  it.each(FILE_CONTENT_PROSE.clean)('does not read %j as introducing file content', (s) => expect(FILE_CONTENT_PROSE.pattern.test(s)).toBe(false));
});
