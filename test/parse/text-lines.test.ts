import { describe, expect, it } from 'vitest';
import { TEXT_LINE_SHAPES, textLineShape } from '../../src/parse/data/text-lines.js';
import { looksLikeCommand } from '../../src/parse/line-kinds.js';

describe('TEXT_LINE_SHAPES', () => {
  for (const shape of TEXT_LINE_SHAPES) {
    it.each(shape.trigger)(`${shape.name} takes %s`, (line) => {
      expect(textLineShape(line)?.name).toBeDefined();
      expect(shape.pattern.test(line)).toBe(true);
      expect(looksLikeCommand(line)).toBe(false);
    });
    it.each(shape.clean)(`${shape.name} leaves %s`, (line) => {
      expect(shape.pattern.test(line)).toBe(false);
    });
  }

  it('should never take a script run by name for a host name', () => {
    expect(textLineShape('run.sh')).toBeUndefined();
    expect(textLineShape('deploy.py')).toBeUndefined();
  });

  it('should leave real command lines to be commands', () => {
    for (const line of ['kubectl get pods -o wide', 'curl http://10.0.0.1:8080', 'export POD=web-0', 'node server.js', 'echo "done"']) {
      expect(textLineShape(line), line).toBeUndefined();
    }
  });
});
