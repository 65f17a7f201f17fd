/**
 * Root-cause hints as data. Each rule looks at the failed step, its output, the steps before it
 * and (when `needsFacts`) cluster facts, and returns details for its message, or null.
 */
import { X509Certificate } from 'node:crypto';
import { closestWords } from '../../lint/similar.js';
import { KNOWN_PROGRAMS } from '../../shell/data/programs.js';
import { containerPorts, mentions, owningDeployment, selectorOf, selects, serviceEnvName } from './cluster.js';
import type { EarlierStep, HintContext, HintRule, K8sObject } from './types.js';
import { gatedFieldsShown, missingApiVersion } from '../feature-gates.js';
import { deletedEarlier } from '../deletions.js';

/** Short names of `kubectl create <kind>`. */
const CREATE_KINDS: Record<string, string> = {
  deploy: 'deployment',
  cm: 'configmap',
  svc: 'service',
  ns: 'namespace',
  sa: 'serviceaccount',
  cj: 'cronjob',
  pdb: 'poddisruptionbudget',
  quota: 'resourcequota',
};

/** True when one YAML document of the manifests is an object of that kind and name. */
function declares(manifestsText: string, kind: string, name: string): boolean {
  return manifestsText
    .split(/^---\s*$/m)
    .some(
      (doc) => new RegExp(`^\\s*"?kind"?:\\s*"?${kind}"?\\s*,?\\s*$`, 'im').test(doc) && new RegExp(`^\\s*"?name"?:\\s*"?${name}"?\\s*,?\\s*$`, 'm').test(doc),
    );
}

/** The text of the manifests an earlier step reads (`-f x.yaml`, a folder holding them), none when it names none of them. */
function manifestsOf(e: EarlierStep, manifests: HintContext['manifests']): string {
  const read = manifests.filter((m) => e.step.references?.includes(m.id));
  // Else the manifests its command names, by file or by a folder (or kustomization) holding them.
  const folders = [...e.ran.matchAll(/\s(-f|--filename|-k|--kustomize)[\s=]+(\S+)/g)]
    .filter((m) => m[1] === '-k' || m[1] === '--kustomize' || m[2] === '.' || m[2]!.endsWith('/'))
    .map((m) => m[2]!.replace(/^\.\/?/, '').replace(/^\.$/, ''));
  const named = manifests.filter((m) => [m.file, m.examplePath].some((f) => f && (e.ran.includes(f) || folders.some((d) => f.startsWith(d)))));
  return (read.length ? read : named).map((m) => m.content ?? '').join('\n---\n');
}

/** True when the command creates an object of that kind (singular, lower case) and name. */
function creates(ran: string, kind: string, name: string, manifestsText: string): boolean {
  const verb = /\bkubectl\s+(apply|create|run|expose)\b(.*)/s.exec(ran);
  if (!verb) return false;
  if (/\s(-f|--filename|-k|--kustomize)[\s=]/.test(ran)) return declares(manifestsText, kind, name);
  const words = verb[2]!
    .trim()
    .split(/\s+/)
    .filter((w) => !w.startsWith('-'));
  if (verb[1] === 'run') return kind === 'pod' && words[0] === name;
  if (verb[1] === 'expose') {
    const named = /--name[= ]([\w.-]+)/.exec(ran)?.[1] ?? words[words[0]?.includes('/') ? 0 : 1]?.split('/').pop();
    return kind === 'service' && named === name;
  }
  if (verb[1] !== 'create' || !words[0]) return false;
  const created = CREATE_KINDS[words[0]] ?? words[0].replace(/s$/, '');
  return created === kind && words.slice(1).includes(name);
}

/** Certificates (`tls.crt`, `ca.crt`, `*.pem` keys) base64-encoded in the doc's Secret manifests, with their manifest line. */
function docCertificates(manifests: HintContext['manifests']): Array<{ line: number; file: string; cert: X509Certificate }> {
  const out: Array<{ line: number; file: string; cert: X509Certificate }> = [];
  for (const m of manifests) {
    for (const hit of (m.content ?? '').matchAll(/^\s*"?[\w.-]*(?:crt|cert|pem)"?\s*:\s*"?([A-Za-z0-9+/=]{100,})"?\s*$/gm)) {
      try {
        out.push({ line: m.line, file: m.file ?? 'the manifest', cert: new X509Certificate(Buffer.from(hit[1]!, 'base64')) });
      } catch {
        // not a certificate
      }
    }
  }
  return out;
}

/** Columns kubectl renamed or merged, by the version that did it. */
const OLD_COLUMNS: ReadonlyArray<{ what: string; old: string[]; now: string[]; since: string }> = [
  { what: 'Deployments', old: ['DESIRED', 'CURRENT'], now: ['READY'], since: '1.11' },
  { what: 'StatefulSets', old: ['DESIRED', 'CURRENT'], now: ['READY'], since: '1.11' },
];

/** All hint rules, tried in order; the first that applies wins. */
/** Services with a selector that the step's command, the doc's output or the actual output names. */
function servicesInvolved({ step, facts, output, expected }: HintContext): { svc: K8sObject; selector: Record<string, string> }[] {
  const text = `${step.command}\n${expected ?? ''}\n${output}`;
  return (facts?.services ?? []).flatMap((svc) => {
    const selector = selectorOf(svc);
    return selector && mentions(text, svc.metadata.name) ? [{ svc, selector }] : [];
  });
}

export const HINT_RULES: HintRule[] = [
  {
    // The object is gone because the page removed it: the step is wrong to use it, and the finding says where it went.
    id: 'deleted-earlier',
    needsFacts: false,
    when({ step, output, earlier, manifests, expected }) {
      const cause = deletedEarlier(step.command, output, earlier, manifests, expected);
      return cause ? { cause: cause.message, line: String(cause.line) } : null;
    },
    message: (d) => d.cause,
    fix: (d) => `use the object before line ${d.line} deletes it, or make it again after that line`,
  },
  {
    id: 'service-env-before-pods',
    needsFacts: true,
    when({ expected, output, facts }) {
      const wanted = [...(expected ?? '').matchAll(/\b([A-Z][A-Z0-9_]*)_SERVICE_HOST\b/g)].map((m) => m[1]!);
      const missing = wanted.find((w) => !output.includes(`${w}_SERVICE_HOST`));
      // An error instead of the environment is another problem (no such pod, exec not possible).
      if (!missing || !facts || /Error from server|^error:/m.test(output)) return null;
      const svc = facts.services.find((s) => serviceEnvName(s.metadata.name) === missing);
      const svcTime = svc?.metadata.creationTimestamp;
      if (!svc || !svcTime) return null;
      // Timestamps have one-second resolution: a pod from the same second may predate the Service too.
      const pod = facts.pods.find(
        (p) => p.metadata.creationTimestamp && p.metadata.creationTimestamp <= svcTime && (!selectorOf(svc) || selects(selectorOf(svc)!, p)),
      );
      if (!pod) return null;
      const deployment = owningDeployment(pod, facts) ?? '';
      return {
        env: `${missing}_SERVICE_HOST`,
        service: svc.metadata.name,
        svcTime,
        pod: pod.metadata.name,
        podTime: pod.metadata.creationTimestamp!,
        deployment,
      };
    },
    message: (d) =>
      `${d.env} is missing because pod ${d.pod} was created at ${d.podTime}, before Service ${d.service} (${d.svcTime}); Kubernetes sets service variables only when a container starts`,
    fix: (d) =>
      d.deployment
        ? `recreate the pods after creating the Service: kubectl rollout restart deployment ${d.deployment} (or kubectl scale deployment ${d.deployment} --replicas=0; kubectl scale deployment ${d.deployment} --replicas=N)`
        : `recreate pod ${d.pod} after creating Service ${d.service}`,
  },
  {
    id: 'image-pull',
    needsFacts: false,
    when({ output, facts }) {
      const inOutput = /\b(ErrImagePull|ImagePullBackOff|InvalidImageName)\b/.exec(output);
      for (const pod of facts?.pods ?? []) {
        const statuses = (pod.status?.containerStatuses as Array<{ image?: string; state?: { waiting?: { reason?: string } } }> | undefined) ?? [];
        const bad = statuses.find((s) => /ErrImagePull|ImagePullBackOff|InvalidImageName/.test(s.state?.waiting?.reason ?? ''));
        if (bad) return { pod: pod.metadata.name, image: bad.image ?? '?', reason: bad.state!.waiting!.reason! };
      }
      return inOutput ? { pod: '', image: '', reason: inOutput[1]! } : null;
    },
    message: (d) => (d.pod ? `pod ${d.pod} cannot pull image ${d.image} (${d.reason})` : `an image cannot be pulled (${d.reason})`),
    fix: () => 'check the image name and tag in the doc; the tag may no longer exist',
  },
  {
    id: 'already-exists',
    needsFacts: false,
    when({ output, earlier, manifests }) {
      const m = /\(AlreadyExists\)[^"]*?([a-z.]+)\s+"([^"]+)" already exists|([a-z.]+)\s+"([^"]+)" already exists/.exec(output);
      if (!m) return null;
      const kind = (m[1] ?? m[3] ?? '').split('.')[0]!.replace(/s$/, '');
      const name = m[2] ?? m[4]!;
      const creator = earlier.find((e) => e.status !== 'skipped' && creates(e.ran, kind, name, manifestsOf(e, manifests)));
      return { kind, name, line: creator ? String(creator.step.line) : '' };
    },
    message: (d) => (d.line ? `${d.kind} ${d.name} already exists: the step at line ${d.line} created it` : `${d.kind} ${d.name} already exists`),
    fix: (d) =>
      d.line ? `use kubectl apply, or delete ${d.kind} ${d.name} first, or drop one of the two steps` : `delete ${d.kind} ${d.name} first or use kubectl apply`,
  },
  {
    id: 'not-created-here',
    needsFacts: false,
    when({ output, earlier, manifests }) {
      const m = /(?:\(NotFound\)|no objects passed to \w+)[^"]*?([a-z][a-z.]*)\s+"([^"]+)" not found/.exec(output);
      if (!m) return null;
      const kind = m[1]!.split('.')[0]!.replace(/s$/, '');
      const name = m[2]!;
      // Pods of a Deployment or Job are made by their controller, not by a step.
      if (kind === 'pod' && /-[a-z0-9]{5}$/.test(name)) return null;
      const creator = [...earlier].reverse().find((e) => creates(e.ran, kind, name, manifestsOf(e, manifests)));
      // An object no step creates is decided by one rule (`absentPrerequisite`: unchecked, made by a
      // setup the page does not include; nothing concluded on a page that creates objects in ways not read).
      if (!creator || creator.status === 'pass') return null;
      return { kind, name, line: String(creator.step.line), status: creator.status };
    },
    message: (d) => `${d.kind} ${d.name} does not exist: the step at line ${d.line} that creates it did not pass (${d.status})`,
    fix: (d) => `fix the step at line ${d.line} first`,
  },
  {
    id: 'command-not-found',
    needsFacts: false,
    when({ output }) {
      const m = /(?:^|\n)(?:bash: (?:line \d+: )?|.*: line \d+: )?([^\s:]+): command not found/.exec(output);
      if (!m) return null;
      const word = m[1]!;
      return { word, suggestion: closestWords(word, KNOWN_PROGRAMS)[0] ?? '' };
    },
    message: (d) =>
      d.suggestion ? `\`${d.word}\` is not a command; did the doc mean \`${d.suggestion}\`?` : `\`${d.word}\` is not installed or not a command`,
    fix: (d) => (d.suggestion ? `write \`${d.suggestion}\` in the doc` : `tell the reader to install ${d.word}, or mark the step as needing it`),
  },
  {
    id: 'missing-file',
    needsFacts: false,
    when({ output, earlier, manifests, step }) {
      const m = /error: the path "([^"]+)" does not exist/.exec(output);
      if (!m) return null;
      const file = m[1]!;
      const written = manifests.some((s) => s.file === file || s.examplePath === file);
      const made = earlier.some((e) => mentions(e.ran, file) && /\b(curl|wget|cat\s*>|tee|cp|mv)\b/.test(e.ran));
      if (written || made) return null;
      return { file, line: String(step.line) };
    },
    message: (d) => `no step before line ${d.line} creates ${d.file}`,
    fix: (d) => `show the content of ${d.file} in the doc (a fenced YAML block named ${d.file}) or a step that downloads it`,
  },
  {
    // A kind Kubernetes 1.32 serves only at other versions (behind a feature gate): the page's apiVersion is not 1.32's.
    id: 'api-version-not-served',
    needsFacts: false,
    when({ output }) {
      const m = missingApiVersion(output);
      return m ? { ...m } : null;
    },
    message: (d) => `${d.kind} does not exist at ${d.used} in Kubernetes 1.32: it is served only as ${d.served} (with the ${d.gate} feature gate)`,
    fix: (d) => `use apiVersion ${d.served.split(', ')[0]} for Kubernetes 1.32, or say which Kubernetes version the page needs`,
  },
  {
    // A field only a gate off by default sets (allocatedResources): the doc was captured with the gate on.
    id: 'gated-field',
    needsFacts: false,
    when({ expected, output }) {
      const found = expected ? gatedFieldsShown(expected, output) : [];
      if (found.length === 0) return null;
      return {
        fields: found.map((f) => `${f.key} (the ${f.gate.name} feature gate, ${f.gate.stage})`).join(', '),
        gates: [...new Set(found.map((f) => f.gate.name))].join(', '),
      };
    },
    message: (d) => `the doc shows fields only feature gates off by default in Kubernetes 1.32 set: ${d.fields}`,
    fix: (d) => `say that the page needs ${d.gates}, or leave those fields out of the output`,
  },
  {
    id: 'invalid-manifest',
    needsFacts: false,
    when({ step, output, lintFindings, manifests }) {
      if (
        !/error (parsing|validating|converting YAML)|error: unable to recognize|resource mapping not found|unknown field|strict decoding error|is invalid:/.test(
          output,
        )
      )
        return null;
      // A change the server refuses on an object that exists (an immutable field) is no defect of the manifest.
      if (/field is immutable/.test(output)) return null;
      const file = /(?:parsing|validating|recognize|from) "?([^":\s]+\.(?:ya?ml|json))"?/.exec(output)?.[1];
      const manifest = manifests.find((m) => file && (m.file === file || m.examplePath === file));
      // Only the manifests this step reads may be blamed: the one the output names, else those it references.
      const read = manifest ? [manifest] : manifests.filter((m) => step.references?.includes(m.id));
      if (read.length === 0 && !/(?:^|\s)(?:-f|--filename)(?:[=\s]|$)/.test(step.command)) return null;
      const finding = lintFindings.find((f) => f.severity !== 'info' && read.some((m) => f.line >= m.line && f.line <= m.position.endLine));
      if (!finding && !manifest) return { line: '', message: '', file: file ?? '' };
      return { line: String(finding?.line ?? manifest!.line), message: finding?.message ?? '', file: file ?? manifest?.file ?? '' };
    },
    message: (d) =>
      d.line
        ? `the manifest${d.file ? ` ${d.file}` : ''} is not valid${d.message ? `: line ${d.line}: ${d.message}` : ` (shown at line ${d.line})`}`
        : 'the manifest is not valid',
    fix: (d) => (d.line ? `fix the manifest at line ${d.line}` : 'run `kubedoctest lint` to locate the problem'),
  },
  {
    id: 'removed-flag',
    needsFacts: false,
    when({ step, output, lintFindings }) {
      const flag = /unknown (?:shorthand )?flag: '?(-{1,2}[\w-]+)'?|unknown command "([\w-]+)"/.exec(output);
      if (!flag) return null;
      const finding = lintFindings.find((f) => f.ruleId === 'removed-flag' && f.line === step.line);
      return finding ? { flag: flag[1] ?? flag[2]!, message: finding.message } : null;
    },
    message: (d) => `kubectl no longer has ${d.flag}: ${d.message}`,
    fix: () => 'use what the lint finding names instead',
  },
  {
    id: 'service-no-endpoints',
    needsFacts: true,
    when(ctx) {
      for (const { svc, selector } of servicesInvolved(ctx)) {
        if (!ctx.facts!.pods.some((p) => selects(selector, p))) {
          return {
            service: svc.metadata.name,
            selector: Object.entries(selector)
              .map(([k, v]) => `${k}=${v}`)
              .join(','),
          };
        }
      }
      return null;
    },
    message: (d) => `Service ${d.service} has no endpoints: its selector ${d.selector} matches no pod's labels`,
    fix: (d) => `make the selector of ${d.service} match the pod template labels (kubectl get pods --show-labels)`,
  },
  {
    id: 'port-mismatch',
    needsFacts: true,
    when(ctx) {
      for (const { svc, selector } of servicesInvolved(ctx)) {
        const pods = ctx.facts!.pods.filter((p) => selects(selector, p));
        const ports = (svc.spec?.ports as Array<{ port?: number; targetPort?: number | string }> | undefined) ?? [];
        for (const port of ports) {
          const target = port.targetPort ?? port.port;
          const ok = (p: (typeof pods)[number]): boolean =>
            containerPorts(p).some((c) => (typeof target === 'number' ? c.containerPort === target : c.name === target));
          const bad = pods.find((p) => containerPorts(p).length > 0 && !ok(p));
          if (bad) {
            const open = containerPorts(bad)
              .map((c) => c.containerPort ?? c.name)
              .join(', ');
            return { service: svc.metadata.name, target: String(target), pod: bad.metadata.name, open };
          }
        }
      }
      return null;
    },
    message: (d) => `Service ${d.service} sends traffic to port ${d.target}, but pod ${d.pod} declares container port(s) ${d.open}`,
    fix: (d) => `set targetPort of ${d.service} to one of ${d.open}`,
  },
  {
    id: 'expose-copies-labels',
    needsFacts: false,
    when({ step, expected, output, earlier }) {
      const label = (text: string | null): string | undefined => /^Labels:\s+(.*?)\s*$/m.exec(text ?? '')?.[1];
      const want = label(expected);
      const got = label(output);
      if (want === undefined || got === undefined || want === got) return null;
      // The Service came from `kubectl expose <kind>/<name>` (or `<kind> <name>`) without --labels.
      for (const e of [...earlier].reverse()) {
        const m = /\bkubectl\s+expose\s+(?:(\w+)\/([\w.-]+)|(\w+)\s+([\w.-]+))/.exec(e.ran);
        if (!m || e.status !== 'pass' || /\s(-l|--labels)[\s=]/.test(e.ran)) continue;
        const kind = m[1] ?? m[3]!;
        const name = m[2] ?? m[4]!;
        const svc = /--name[= ]([\w.-]+)/.exec(e.ran)?.[1] ?? name;
        if (!mentions(step.command, svc)) continue;
        return { service: svc, kind, name, want, got, line: String(e.step.line) };
      }
      return null;
    },
    message: (d) => `kubectl expose (line ${d.line}) gives Service ${d.service} the labels of ${d.kind} ${d.name}, which are ${d.got}; the doc shows ${d.want}`,
    fix: (d) => `put ${d.want} in the metadata.labels of ${d.kind} ${d.name}, pass --labels to kubectl expose, or show Labels: ${d.got}`,
  },
  {
    id: 'busybox-nslookup-format',
    needsFacts: false,
    when({ step, expected, output, earlier }) {
      // busybox up to 1.28 printed `Address 1: <ip> <name>`; its nslookup was rewritten in 1.29.
      if (!/\bnslookup\b/.test(step.command) || !/^Address 1:/m.test(expected ?? '') || !/^Address:\s/m.test(output)) return null;
      const image =
        [...earlier]
          .reverse()
          .map((e) => /--image[= ](busybox(?::[\w.-]+)?)/.exec(e.ran)?.[1])
          .find(Boolean) ?? 'busybox';
      return { image };
    },
    message: (d) => `the doc shows nslookup as busybox 1.28 and older print it (Address 1: …); ${d.image} prints the newer format (Address: …, the full name)`,
    fix: () => 'run the lookup with --image=busybox:1.28, or show the output of the image the doc uses',
  },
  {
    id: 'certificate-expired',
    needsFacts: false,
    when({ output, manifests }) {
      if (!/certificate has expired|certificate is not yet valid|certificate expired/i.test(output)) return null;
      const expired = docCertificates(manifests).find((c) => new Date(c.cert.validTo).getTime() < Date.now());
      if (!expired) return null;
      return {
        file: expired.file,
        line: String(expired.line),
        until: new Date(expired.cert.validTo).toISOString().slice(0, 10),
        subject: expired.cert.subject.replace(/\n/g, ', '),
      };
    },
    message: (d) => `the certificate in ${d.file} (line ${d.line}; ${d.subject}) expired on ${d.until}: the doc ships a certificate that no longer verifies`,
    fix: () => 'have the reader generate the certificate (openssl req -x509 -days 365 …) instead of shipping one in the doc',
  },
  {
    id: 'old-kubectl-columns',
    needsFacts: false,
    when({ expected, output }) {
      const header = (text: string | null) =>
        (text ?? '')
          .split('\n')
          .find((l) => /^NAME\s/.test(l.trim()))
          ?.trim()
          .split(/\s{2,}/) ?? [];
      const doc = header(expected);
      const now = header(output);
      const change = OLD_COLUMNS.find(
        (c) => c.old.every((o) => doc.includes(o) && !now.includes(o)) && c.now.every((n) => now.includes(n) && !doc.includes(n)),
      );
      return change ? { old: change.old.join(', '), now: change.now.join(', '), since: change.since, what: change.what } : null;
    },
    message: (d) =>
      `the doc's table has ${d.old}, which kubectl ${d.since} replaced with ${d.now} for ${d.what}: the output was captured with an older kubectl`,
    fix: (d) => `show the table as kubectl prints it now (${d.now}); kubedoctest check --update rewrites it`,
  },
];
