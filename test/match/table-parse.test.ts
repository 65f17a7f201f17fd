import { describe, expect, test } from 'vitest';
import { customColumns, segmentLines, splitRow } from '../../src/match/table-parse.js';

const lines = (text: string) => text.split('\n').map((t, index) => ({ text: t, index }));

describe('segmentLines', () => {
  test('should split columns by header position, with spaces in headers and cells and empty cells', () => {
    const [seg] = segmentLines(
      lines(`NAME          READY   STATUS    RESTARTS     AGE   IP           NODE          NOMINATED NODE   READINESS GATES
liveness-exec 1/1     Running   1 (5s ago)   76s   10.244.1.3   kind-worker   <none>           <none>
pending-pod   0/1     Pending   0            2s                               <none>`),
    );
    expect(seg?.kind).toBe('table');
    if (seg?.kind !== 'table') return;
    expect(seg.table.columns.map((c) => c.name)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(seg.table.rows[0]?.cells).toEqual(['liveness-exec', '1/1', 'Running', '1 (5s ago)', '76s', '10.244.1.3', 'kind-worker', '<none>', '<none>']);
    expect(seg.table.rows[1]?.cells).toEqual(['pending-pod', '0/1', 'Pending', '0', '2s', '', '', '<none>', '']);
  });

  test('should find several tables separated by blank lines, and text around them', () => {
    const segs = segmentLines(lines('Starting...\nNAME   READY\na      1/1\n\nNAME   TYPE\nsvc    ClusterIP\n\nDone.'));
    expect(segs.map((s) => s.kind)).toEqual(['text', 'table', 'table', 'text']);
  });

  test('should take a mixed-case header over a dashes line (describe events)', () => {
    const segs = segmentLines(
      lines(
        'Events:\n  Type    Reason     Age   From     Message\n  ----    ------     ----  ----     -------\n  Normal  Scheduled  12s   default  Successfully assigned',
      ),
    );
    expect(segs[1]?.kind === 'table' && segs[1].table.rows[0]?.cells).toEqual(['Normal', 'Scheduled', '12s', 'default', 'Successfully assigned']);
  });

  test('should take the first line of custom-columns output as a header, in any case', () => {
    const segs = segmentLines(lines('Name   Rsrc\nfoo    12'), 'kubectl get po -o custom-columns=Name:.metadata.name,Rsrc:.metadata.resourceVersion');
    expect(segs[0]?.kind === 'table' && segs[0].table.columns.map((c) => c.context)).toEqual(['name', 'resourceVersion']);
  });

  test('should not take prose or KEY=value lines for headers', () => {
    expect(segmentLines(lines('MY_NGINX_SERVICE_HOST=10.0.162.149\nHello  World')).every((s) => s.kind === 'text')).toBe(true);
  });
});

describe('splitRow', () => {
  test('should split a misaligned row by runs of blanks', () => {
    const columns = [
      { name: 'NAME', start: 0, context: 'NAME' },
      { name: 'TYPE', start: 11, context: 'TYPE' },
    ];
    expect(splitRow('my-nginx-long   ClusterIP', columns).cells).toEqual(['my-nginx-long', 'ClusterIP']);
  });
});

describe('splitRow of a row written narrower than its header', () => {
  test('reads one value per run of blanks when header offsets would put two values in a cell', () => {
    const [seg] = segmentLines([{ text: 'NAME      READY     STATUS              RESTARTS   AGE', index: 0 }]);
    const columns = seg!.kind === 'table' ? seg!.table.columns : [];
    expect(splitRow('web-2     1/1       Running   0         18s', columns).cells).toEqual(['web-2', '1/1', 'Running', '0', '18s']);
    // An empty cell of a row that fits its header stays empty.
    expect(splitRow('web-2     1/1                           0          18s', columns).cells).toEqual(['web-2', '1/1', '', '0', '18s']);
  });
});

describe('customColumns', () => {
  test('should map headers to JSONPath leaves', () => {
    expect(customColumns("kubectl get pods -o custom-columns='NAME:.metadata.name,IP:.status.podIPs[0].ip'")).toEqual(
      new Map([
        ['NAME', 'name'],
        ['IP', 'ip'],
      ]),
    );
    expect(customColumns('kubectl get pods')).toBeUndefined();
  });
});
