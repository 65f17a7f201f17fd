import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { elidedValue, findPlaceholders, illustrativeReason } from '../../src/plan/placeholders.js';
import type { CommandStep } from '../../src/plan/types.js';

describe('findPlaceholders', () => {
  it.each([
    ['kubectl get pod <pod-name>', [], ['<pod-name>']],
    ['kubectl get -f <filename|url> -o yaml', [], ['<filename|url>']],
    ['kubectl create secret generic c --from-file=.cfg=<path/to/.app/config.json>', [], ['<path/to/.app/config.json>']],
    ['wc -l </dev/null', [], []],
    ['kubectl logs ${POD_NAME} -c $CONTAINER', [], ['${POD_NAME}', '$CONTAINER']],
    ['kubectl logs $POD_NAME', ['POD_NAME'], []],
    ['echo $HOME $KUBECONFIG', [], []],
    ['for node in $NODES; do curl $node:$PORT; done', ['NODES', 'PORT'], []],
    ['cat job-tmpl.yaml | sed "s/\\$ITEM/$i/"', [], []],
    ['cat <<EOF > x.yaml\nimage: <image>\nname: $NAME\nEOF', [], []],
    ['kubectl apply -f - < manifest.yaml', [], []],
    ["echo '$LITERAL'", [], []],
  ])('%s', (command, assigned, expected) => {
    expect(findPlaceholders(command, new Set(assigned))).toEqual(expected);
  });
});

describe('illustrativeReason', () => {
  it('should call syntax templates and unset variables the reader must fill in illustrative', () => {
    expect(illustrativeReason('kubectl get <kind>/<name> -o yaml', ['<kind>', '<name>'])).toMatch(/syntax template \(<kind>\)/);
    expect(illustrativeReason('kubectl <command> [flags]', ['<command>'])).toMatch(/syntax template/);
    expect(illustrativeReason('kubectl get -f <filename|url> -o yaml', ['<filename|url>'])).toMatch(/syntax template \(<filename\|url>\)/);
    expect(illustrativeReason('curl http://${EXTERNAL_IP} # replace this with your IP', ['${EXTERNAL_IP}'])).toMatch(/never sets it/);
  });

  it('should read a template name with a file extension as that template (<file.yaml> is a <file>)', () => {
    const found = findPlaceholders('kubectl delete -f <file.yaml> --cascade=orphan', new Set());
    expect(found).toEqual(['<file.yaml>']);
    expect(illustrativeReason('kubectl delete -f <file.yaml> --cascade=orphan', found)).toMatch(/syntax template \(<file\.yaml>\)/);
    // A name that only looks like one is still left to the runner.
    expect(illustrativeReason('kubectl describe pod <pod.name>', ['<pod.name>'])).toBeUndefined();
  });

  it('should leave to the runner placeholders it may bind from earlier output', () => {
    expect(illustrativeReason('kubectl describe pod <pod-name>', ['<pod-name>'])).toBeUndefined();
    expect(illustrativeReason('curl https://<EXTERNAL-IP>:<NODE-PORT> -k', ['<EXTERNAL-IP>', '<NODE-PORT>'])).toBeUndefined();
    expect(illustrativeReason('curl http://${EXTERNAL_IP}', ['${EXTERNAL_IP}'])).toBeUndefined();
  });

  it('should record placeholders on steps, know what the page assigned, and mark templates illustrative', () => {
    const md = [
      '```shell',
      'POD=$(kubectl get pods -o name)',
      'kubectl logs $POD',
      'kubectl logs $OTHER',
      'kubectl get <resource>',
      'curl http://$EXTERNAL_IP # replace this with your IP',
      '```',
      '',
    ].join('\n');
    const steps = parseMarkdown(md, { path: 'x.md', readFile: () => undefined }).steps as CommandStep[];
    expect(steps.map((s) => [s.command.split(' #')[0], s.placeholders, s.host.kind])).toEqual([
      ['POD=$(kubectl get pods -o name)', undefined, 'local'],
      ['kubectl logs $POD', undefined, 'local'],
      ['kubectl logs $OTHER', ['$OTHER'], 'local'],
      ['kubectl get <resource>', ['<resource>'], 'illustrative'],
      ['curl http://$EXTERNAL_IP', ['$EXTERNAL_IP'], 'illustrative'],
    ]);
  });
});

describe('elidedValue', () => {
  it.each([
    ['echo "c3R...zE2" | base64 --decode', 'c3R...zE2'],
    ['curl -H "Authorization: Bearer eyJhbGc...Xn0" https://example.com', 'eyJhbGc...Xn0'],
    ['go test ./...', undefined],
    ['git diff main...topic', undefined],
    ['kubectl create token sa --bound-object-kind Node --bound-object-uid 123...456', undefined],
    ['kubectl get pods ...', undefined],
    ['echo "Waiting..." && sleep 1', undefined],
  ])('%s', (command, expected) => {
    expect(elidedValue(command)).toBe(expected);
  });

  it('should mark a local step that works on an elided value illustrative', () => {
    const md = ['```shell', 'echo "c3R...zE2" | base64 --decode', 'echo "c3RhY2s=" | base64 --decode', '```', ''].join('\n');
    const steps = parseMarkdown(md, { path: 'x.md', readFile: () => undefined }).steps as CommandStep[];
    expect(steps.map((s) => s.host.kind)).toEqual(['illustrative', 'local']);
    expect(steps[0]!.host).toMatchObject({ reason: expect.stringMatching(/shortens a value with "\.\.\." \(c3R\.\.\.zE2\)/) });
  });
});
