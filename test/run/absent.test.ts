import { describe, expect, it } from 'vitest';
import { absentPrerequisite, pageObjects } from '../../src/run/absent.js';
import { shQuoteExpanding } from '../../src/shell/index.js';
import { cmd, manifest } from './plan-builder.js';

const notFound = (resource: string, name: string): string => `Error from server (NotFound): ${resource} "${name}" not found\n`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;

describe('absentPrerequisite', () => {
  const page = pageObjects(
    [cmd(1, 'kubectl create configmap settings --from-literal=a=b'), cmd(5, 'kubectl apply -f web.yaml'), cmd(9, 'kubectl expose deployment/web --port 80')],
    [manifest(3, 'web.yaml', DEPLOYMENT)],
    new Map(),
  );

  it('should read a manifest applied by a URL outside the examples when the page shows a manifest of that file name', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: php-apache\n';
    const url = 'kubectl create -f https://k8s.io/docs/tasks/run-application/hpa-php-apache.yaml';
    const shown = pageObjects([cmd(229, url)], [manifest(224, 'hpa-php-apache.yaml', hpa)], new Map());
    expect(shown.opaque).toBe(false);
    expect(
      absentPrerequisite('kubectl describe hpa cm-test', notFound('horizontalpodautoscalers.autoscaling', 'cm-test'), 'Name: cm-test', shown)?.reason,
    ).toBe(
      'horizontalpodautoscaler/cm-test is made by a setup this page does not include (an earlier page or a prerequisite); a fresh cluster does not have it',
    );
    // A URL to a file the page does not show: what it creates is not known, so nothing is concluded.
    const other = pageObjects(
      [cmd(229, 'kubectl create -f https://k8s.io/docs/tasks/run-application/other.yaml')],
      [manifest(224, 'hpa-php-apache.yaml', hpa)],
      new Map(),
    );
    expect(other.opaque).toBe(true);
  });

  it("should count as the page's an object a step's shown output announces, even when the step cannot make it on 1.32", () => {
    const run = cmd(53, 'kubectl run php-apache --image=k8s.gcr.io/hpa-example --requests=cpu=200m --expose --port=80', {
      expected: 'service "php-apache" created\ndeployment "php-apache" created',
    });
    const objects = pageObjects([run], [], new Map());
    expect(
      absentPrerequisite('kubectl autoscale deployment php-apache --min=1 --max=10', notFound('deployments.apps', 'php-apache'), null, objects),
    ).toBeUndefined();
  });

  it('should name an object of another page that a step needs', () => {
    const r = absentPrerequisite('kubectl scale deployment/shop --replicas=2', notFound('deployments.apps', 'shop'), null, page);
    expect(r?.reason).toMatch(/^deployment\/shop is made by a setup this page does not include/);
    expect(r?.names).toEqual(['shop']);
  });

  it("should read the same absence in the API server's Status (curl through kubectl proxy) and an empty -o yaml listing", () => {
    const status = `{\n  "kind": "Status",\n  "status": "Failure",\n  "message": "deployments.apps \\"shop\\" not found",\n  "reason": "NotFound",\n  "code": 404\n}\n`;
    const r = absentPrerequisite('curl -X DELETE localhost:8080/apis/apps/v1/namespaces/default/deployments/shop', status, '{"kind": "Deployment"}', page);
    expect(r?.reason).toMatch(/^deployment\/shop is made by a setup this page does not include/);
    // A typo of the page's own object stays a failure in this form too.
    expect(
      absentPrerequisite('curl localhost:8080/apis/apps/v1/namespaces/default/deployments/wbe', status.replace('shop', 'wbe'), '{}', page),
    ).toBeUndefined();
    const none = pageObjects([cmd(1, 'kubectl get pods')], [], new Map());
    expect(
      absentPrerequisite('kubectl get deployments -l app=nginx -o yaml', 'apiVersion: v1\nitems: []\nkind: List\n', 'ownerReferences:', none)?.reason,
    ).toMatch(/no deployment/);
  });

  it('should keep a typo of a name the page creates a failure', () => {
    expect(absentPrerequisite('kubectl get configmap setings', notFound('configmaps', 'setings'), null, page)).toBeUndefined();
    expect(absentPrerequisite('kubectl describe svc wbe', notFound('services', 'wbe'), null, page)).toBeUndefined();
  });

  it("should keep a generated pod name whose prefix is a typo of the page's workload a failure", () => {
    expect(absentPrerequisite('kubectl logs wbe-7768647bf9-b4b9s', notFound('pods', 'wbe-7768647bf9-b4b9s'), null, page)).toBeUndefined();
    // A prefix far from every name the page creates is another page's pod.
    expect(absentPrerequisite('kubectl logs shop-7768647bf9-b4b9s', notFound('pods', 'shop-7768647bf9-b4b9s'), null, page)?.reason).toMatch(
      /^pod\/shop-7768647bf9-b4b9s is made by a setup this page does not include/,
    );
  });

  it('should not excuse an object the page creates, nor a pod of its workloads', () => {
    expect(absentPrerequisite('kubectl get deploy web', notFound('deployments.apps', 'web'), null, page)).toBeUndefined();
    expect(absentPrerequisite('kubectl delete pod web-7768647bf9-b4b9s', notFound('pods', 'web-7768647bf9-b4b9s'), null, page)).toBeUndefined();
  });

  it('should not excuse what the doc shows as the expected absence', () => {
    expect(
      absentPrerequisite(
        'kubectl get deploy shop',
        notFound('deployments.apps', 'shop'),
        'Error from server (NotFound): deployments.apps "shop" not found',
        page,
      ),
    ).toBeUndefined();
    expect(absentPrerequisite('kubectl get jobs', 'No resources found in default namespace.\n', 'No resources found.', page)).toBeUndefined();
  });

  it('should excuse a jsonpath index into an empty list only for a listing of a kind the page creates none of', () => {
    const outOfBounds = (template: string) =>
      `error: error executing jsonpath "${template}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging, the template is:\n\ttemplate was:\n\t\t${template}\n`;
    const none = pageObjects([cmd(1, 'kubectl get pods')], [], new Map());
    expect(absentPrerequisite(`kubectl get pods -o=jsonpath='{.items[0]}'`, outOfBounds('{.items[0]}'), null, none)?.reason).toMatch(
      /^this page creates no pod/,
    );
    expect(
      absentPrerequisite(`kubectl get services -o jsonpath='{.items[0].metadata.name}'`, outOfBounds('{.items[0].metadata.name}'), null, none)?.reason,
    ).toMatch(/^this page creates no service/);
    // The page's Deployment makes pods: an empty pod list is then the page's (or the cluster's) fault.
    expect(absentPrerequisite(`kubectl get pods -o=jsonpath='{.items[0]}'`, outOfBounds('{.items[0]}'), null, page)).toBeUndefined();
    // A named object's template indexing into an empty list is about that object, not a listing.
    expect(absentPrerequisite(`kubectl get pod web -o jsonpath='{.items[0]}'`, outOfBounds('{.items[0]}'), null, none)).toBeUndefined();
    // Another index error (a list that is not empty) is not an absence.
    expect(
      absentPrerequisite(`kubectl get pods -o=jsonpath='{.items[3]}'`, outOfBounds('{.items[3]}').replace('length 0', 'length 2'), null, none),
    ).toBeUndefined();
  });

  it('should excuse an empty listing or an empty name only for kinds the page creates none of', () => {
    const none = pageObjects([cmd(1, 'kubectl get pods')], [], new Map());
    const r = absentPrerequisite('kubectl exec "$POD" -- env', 'error: pod, type/name or --filename must be specified\n', 'HOME=/root', none);
    expect(r?.reason).toMatch(/^this page creates no pod/);
    expect(r?.names).toEqual(['POD']);
    expect(absentPrerequisite('kubectl get deployments', 'No resources found in default namespace.\n', 'NAME READY', none)?.reason).toMatch(/no deployment/);
    expect(absentPrerequisite('echo start; kubectl get deployments', 'start\nNo resources found in default namespace.\n', 'NAME READY', none)?.reason).toMatch(
      /no deployment/,
    );
    // The page's own Deployment makes pods: an empty pod list there is the page's (or the cluster's) fault.
    expect(absentPrerequisite('kubectl exec "$POD" -- env', 'error: pod, type/name or --filename must be specified\n', 'HOME=/root', page)).toBeUndefined();
  });

  it('should conclude nothing when the page creates objects in ways not read here', () => {
    const helm = pageObjects([cmd(1, 'helm install shop ./chart')], [], new Map());
    expect(absentPrerequisite('kubectl get deploy shop', notFound('deployments.apps', 'shop'), null, helm)).toBeUndefined();
    const unreadable = pageObjects([cmd(1, 'kubectl apply -f x.yaml')], [manifest(2, 'x.yaml', null)], new Map());
    expect(absentPrerequisite('kubectl get deploy shop', notFound('deployments.apps', 'shop'), null, unreadable)).toBeUndefined();
  });

  it('should read the names of excerpts that are not YAML, and conclude nothing from a template', () => {
    const excerpt = 'kind: Job\nmetadata:\n  name: new\n  ...\nspec:\n  manualSelector: true\n  ...\n';
    const fragment = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations: batch.kubernetes.io/job-tracking: ""';
    const withExcerpts = pageObjects([cmd(1, 'kubectl get jobs')], [manifest(3, null, excerpt), manifest(9, null, fragment)], new Map());
    expect(withExcerpts.opaque).toBe(false);
    // `new` is a name the page shows; `myjob` is not, and is no typo of it.
    expect(absentPrerequisite('kubectl get job new', notFound('jobs.batch', 'new'), null, withExcerpts)?.reason).toMatch(
      /^job new is only defined by the manifest at line 3/,
    );
    expect(absentPrerequisite('kubectl get job myjob', notFound('jobs.batch', 'myjob'), null, withExcerpts)?.reason).toMatch(
      /^job\/myjob is made by a setup this page does not include/,
    );
    const template = pageObjects([], [manifest(3, null, 'kind: Job\nmetadata:\n  name: {{ .Name }}\n  ...\n  x: [\n')], new Map());
    expect(template.opaque).toBe(true);
  });

  it('should tell a manifest the page applies from one it only shows', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: per-index\n';
    const shown = pageObjects([cmd(9, 'kubectl get -o yaml job per-index')], [manifest(3, 'per-index.yaml', job, 'controllers/per-index.yaml')], new Map());
    expect(absentPrerequisite('kubectl get -o yaml job per-index', notFound('jobs.batch', 'per-index'), null, shown)?.reason).toMatch(
      /^job per-index is only defined by the manifest at line 3, which no step of the page applies/,
    );
    // Applied by its URL or its file name, the object is the page's own: its absence stays a failure.
    for (const apply of ['kubectl apply -f https://k8s.io/examples/controllers/per-index.yaml', 'kubectl create -f per-index.yaml']) {
      const own = pageObjects([cmd(5, apply)], [manifest(3, 'per-index.yaml', job, 'controllers/per-index.yaml')], new Map());
      expect(absentPrerequisite('kubectl get job per-index', notFound('jobs.batch', 'per-index'), null, own)).toBeUndefined();
    }
    // An applied manifest that is not YAML fails on its own; what the page meant to create is not known.
    const broken = pageObjects(
      [cmd(5, 'kubectl create -f per-index.yaml')],
      [manifest(3, 'per-index.yaml', 'kind: Job\nmetadata:\n  name: x\n bad: [\n')],
      new Map(),
    );
    expect(absentPrerequisite('kubectl get job other', notFound('jobs.batch', 'other'), null, broken)).toBeUndefined();
    // A kind the page shows may be in the reader's own file: an empty listing of it is not excused.
    expect(absentPrerequisite('kubectl get jobs', 'No resources found in default namespace.\n', 'NAME STATUS', shown)).toBeUndefined();
    // A command applying what it does not name (stdin, a folder) may apply it: nothing is concluded.
    const stdin = pageObjects([cmd(5, 'cat manifest | kubectl apply -f -')], [manifest(3, 'per-index.yaml', job)], new Map());
    expect(absentPrerequisite('kubectl get job per-index', notFound('jobs.batch', 'per-index'), null, stdin)).toBeUndefined();
  });
});

describe('shQuoteExpanding', () => {
  it('should keep variable references expandable and quote anything else as data', () => {
    expect(shQuoteExpanding('web-1')).toBe('web-1');
    expect(shQuoteExpanding('$POD_NAME')).toBe('"$POD_NAME"');
    expect(shQuoteExpanding('${NODE}-x')).toBe('"${NODE}-x"');
    expect(shQuoteExpanding('$(rm -rf x)')).toBe("'$(rm -rf x)'");
    expect(shQuoteExpanding('a b')).toBe("'a b'");
  });
});

describe('objects a controller makes from a template of the page’s objects', () => {
  const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: nginx}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
  const CRON = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/1 * * * *"
  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: r, image: busybox}]}}}}
`;
  const page = pageObjects(
    [cmd(1, 'kubectl apply -f db.yaml'), cmd(2, 'kubectl apply -f report.yaml')],
    [manifest(3, 'db.yaml', STS), manifest(4, 'report.yaml', CRON)],
    new Map(),
  );

  it('should count the claims of volumeClaimTemplates and the Jobs of a CronJob as the page’s', () => {
    expect(absentPrerequisite('kubectl get pvc', 'No resources found in default namespace.\n', 'NAME STATUS\ndata-db-0 Bound', page)).toBeUndefined();
    expect(absentPrerequisite('kubectl get pvc data-db-0', notFound('persistentvolumeclaims', 'data-db-0'), null, page)).toBeUndefined();
    expect(absentPrerequisite('kubectl get jobs', 'No resources found in default namespace.\n', 'NAME COMPLETIONS\nreport-28979120 1/1', page)).toBeUndefined();
  });

  it('should still name the claims of a page without such a template', () => {
    const plain = pageObjects([cmd(1, 'kubectl apply -f web.yaml')], [manifest(3, 'web.yaml', DEPLOYMENT)], new Map());
    expect(absentPrerequisite('kubectl get pvc', 'No resources found in default namespace.\n', 'NAME STATUS\ndata-db-0 Bound', plain)?.reason).toMatch(
      /^this page creates no persistentvolumeclaim/,
    );
  });
});
