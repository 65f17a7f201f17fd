import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './helpers.js';

/** A generic CRD: a namespaced Gadget with a validated, defaulted spec, printer columns, the scale subresource and the `all` category. */
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.toys.example.org
spec:
  group: toys.example.org
  scope: Namespaced
  names:
    plural: gadgets
    singular: gadget
    kind: Gadget
    shortNames: [gd]
    categories: [all]
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              color:
                type: string
                pattern: '^[a-z]+$'
                default: red
              count:
                type: integer
                minimum: 1
                maximum: 5
          status:
            type: object
            properties:
              count:
                type: integer
    subresources:
      status: {}
      scale:
        specReplicasPath: .spec.count
        statusReplicasPath: .status.count
    additionalPrinterColumns:
    - name: Color
      type: string
      jsonPath: .spec.color
    - name: Count
      type: integer
      jsonPath: .spec.count
`;

const gadget = (spec: string) => `apiVersion: toys.example.org/v1\nkind: Gadget\nmetadata:\n  name: g1\nspec:\n${spec}`;

describe('custom resources of a CustomResourceDefinition, with the real kubectl', () => {
  let f: SimFixture;
  const file = (name: string) => join(f.home, name);
  beforeAll(async () => {
    f = await startFixture({ controllers: true });
    await writeFile(file('crd.yaml'), CRD);
    const r = await f.kubectl(['apply', '-f', file('crd.yaml')]);
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/gadgets.toys.example.org created');
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('marks the CRD Established with its accepted names', async () => {
    const r = await f.kubectl([
      'get',
      'crd',
      'gadgets.toys.example.org',
      '-o',
      'jsonpath={.status.conditions[?(@.type=="Established")].status} {.status.acceptedNames.listKind}',
    ]);
    expect(r.stdout).toBe('True GadgetList');
  });

  it("refuses values outside the schema with the API server's field errors", async () => {
    await writeFile(file('bad.yaml'), gadget('  color: Red1\n  count: 9\n'));
    const r = await f.kubectl(['apply', '-f', file('bad.yaml')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The Gadget "g1" is invalid: \n');
    expect(r.stderr).toContain(`* spec.color: Invalid value: "Red1": spec.color in body should match '^[a-z]+$'`);
    expect(r.stderr).toContain('* spec.count: Invalid value: 9: spec.count in body should be less than or equal to 5');
  });

  it('refuses an unknown field under strict validation and prunes it when validation is off', async () => {
    await writeFile(file('extra.yaml'), gadget('  count: 2\n  shape: round\n'));
    const strict = await f.kubectl(['create', '-f', file('extra.yaml')]);
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.shape"');
    const loose = await f.kubectl(['create', '--validate=false', '-f', file('extra.yaml'), '-o', 'jsonpath={.spec}']);
    expect(JSON.parse(loose.stdout)).toEqual({ color: 'red', count: 2 });
  });

  it('prints the printer columns, scales through the scale subresource and lists under `all`', async () => {
    const table = await f.kubectl(['get', 'gd', 'g1']);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+COLOR\s+COUNT$/);
    expect(table.stdout.split('\n')[1]).toMatch(/^g1\s+red\s+2$/);
    const scaled = await f.kubectl(['scale', '--replicas=4', 'gadgets/g1']);
    expect(scaled.stdout.trim()).toBe('gadget.toys.example.org/g1 scaled');
    expect((await f.kubectl(['get', 'gadget', 'g1', '-o', 'jsonpath={.spec.count}'])).stdout).toBe('4');
    const all = await f.kubectl(['get', 'all']);
    expect(all.stdout).toMatch(/^gadget\.toys\.example\.org\/g1\s+red\s+4$/m);
  });

  it('deletes the custom resources with their CRD, so a re-created CRD starts out empty', async () => {
    await f.kubectl(['delete', '-f', file('crd.yaml')]);
    const gone = await f.kubectl(['get', 'gadgets']);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('the server could not find the requested resource (get gadgets.toys.example.org)');
    await f.kubectl(['apply', '-f', file('crd.yaml')]);
    const empty = await f.kubectl(['get', 'gadgets', '-o', 'name']);
    expect(empty.stdout).toBe('');
    expect(empty.exitCode).toBe(0);
  });
});
