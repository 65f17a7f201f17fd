import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until as poll } from './until.js';
import { JumpClock } from '../../../src/backends/sim/clock.js';

/** php-apache.yaml of the HorizontalPodAutoscaler walkthrough (kubernetes.io, CC BY 4.0). */
const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

const until = <T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> => poll(read, check, 30);

describe('HorizontalPodAutoscaler behind real kubectl', () => {
  let fx: SimFixture;
  const clock = new JumpClock(new Date('2026-03-02T10:00:00Z'));
  const kubectl = async (...args: string[]) => {
    const r = await fx.kubectl(args);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  const hpaRow = async () => (await kubectl('get', 'hpa', 'php-apache', '--no-headers')).out.trim().split(/\s{2,}/);
  const replicas = async () => Number((await kubectl('get', 'deployment', 'php-apache', '-o', 'jsonpath={.status.readyReplicas}')).out || 0);
  const events = async () =>
    (
      await kubectl(
        'get',
        'events',
        '--field-selector',
        'involvedObject.kind=HorizontalPodAutoscaler',
        '-o',
        'jsonpath={range .items[*]}{.type} {.reason} {.message}{"\\n"}{end}',
      )
    ).out;
  const conditions = async () => {
    const hpa = JSON.parse((await kubectl('get', 'hpa.v2.autoscaling', 'php-apache', '-o', 'json')).out);
    return Object.fromEntries(
      ((hpa.status?.conditions ?? []) as { type: string; status: string; reason: string }[]).map((c) => [c.type, `${c.status} ${c.reason}`]),
    );
  };
  /** Moves the clock one sync period on and waits until the cluster is quiet again (the sync and what it caused are done). */
  const sync = async () => {
    clock.advance(15_000);
    await until(
      async () => fx.sim.atRest(1000),
      (quiet) => quiet,
    );
  };

  beforeAll(async () => {
    fx = await startFixture({ controllers: true, clock, speed: 4, metricsServer: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('shows <unknown> targets until its first sync, then the utilization of the idle server', async () => {
    expect((await fx.kubectl(['apply', '-f', '-'], { input: PHP_APACHE })).exitCode).toBe(0);
    await until(replicas, (n) => n === 1);
    const created = await kubectl('autoscale', 'deployment', 'php-apache', '--cpu-percent=50', '--min=1', '--max=10');
    expect(created.out.trim()).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled');
    const header = (await kubectl('get', 'hpa')).out.split('\n')[0]!.split(/\s+/).filter(Boolean);
    expect(header).toEqual(['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']);
    expect((await hpaRow()).slice(0, 6)).toEqual(['php-apache', 'Deployment/php-apache', 'cpu: <unknown>/50%', '1', '10', '0']);
    await sync();
    expect((await hpaRow()).slice(0, 6)).toEqual(['php-apache', 'Deployment/php-apache', 'cpu: 0%/50%', '1', '10', '1']);
    // An idle server proposes 0 replicas: held at the minimum, which the controller reports as a limit.
    expect(await conditions()).toEqual({ AbleToScale: 'True ReadyForNewScale', ScalingActive: 'True ValidMetricFound', ScalingLimited: 'True TooFewReplicas' });
    expect(await events()).not.toContain('SuccessfulRescale');
    const v1 = JSON.parse((await kubectl('get', '--raw', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/php-apache')).out);
    expect(v1.status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 0 });
  });

  it('scales up under load from a load generator, at most to max(2 × current, 4) per sync', async () => {
    const run = await kubectl(
      'run',
      'load-generator',
      '--image=busybox:1.28',
      '--restart=Never',
      '--',
      '/bin/sh',
      '-c',
      'while sleep 0.01; do wget -q -O- http://php-apache; done',
    );
    expect(run.code).toBe(0);
    await until(
      () => kubectl('get', 'pod', 'load-generator', '-o', 'jsonpath={.status.phase}'),
      (r) => r.out === 'Running',
    );
    await sync();
    // One client keeps 0.8 cores busy; the single pod is throttled at its 500m limit: 250% of its 200m request.
    expect((await hpaRow()).slice(2, 6)).toEqual(['cpu: 250%/50%', '1', '10', '1']);
    expect(await conditions()).toEqual({ AbleToScale: 'True SucceededRescale', ScalingActive: 'True ValidMetricFound', ScalingLimited: 'True ScaleUpLimit' });
    expect(await events()).toContain('Normal SuccessfulRescale New size: 4; reason: cpu resource utilization (percentage of request) above target');
    await until(replicas, (n) => n === 4);
    await sync();
    // 0.8 cores over 4 pods: 201m each, 100% → 8 replicas.
    expect((await hpaRow()).slice(2, 6)).toEqual(['cpu: 100%/50%', '1', '10', '4']);
    expect(await events()).toContain('Normal SuccessfulRescale New size: 8; reason: cpu resource utilization (percentage of request) above target');
    await until(replicas, (n) => n === 8);
    await sync();
    // 101m each: 50%, within the tolerance.
    expect((await hpaRow()).slice(2, 6)).toEqual(['cpu: 50%/50%', '1', '10', '8']);
    const described = (await kubectl('describe', 'hpa', 'php-apache')).out;
    expect(described).toMatch(/resource cpu on pods\s+\(as a percentage of request\):\s+50% \(101m\) \/ 50%/);
    expect(described).toMatch(/Deployment pods:\s+8 current \/ 8 desired/);
    expect(described).toMatch(
      /Normal\s+SuccessfulRescale\s+\S+\s+horizontal-pod-autoscaler\s+New size: 8; reason: cpu resource utilization \(percentage of request\) above target/,
    );
    expect(await conditions()).toMatchObject({ AbleToScale: 'True ReadyForNewScale', ScalingLimited: 'False DesiredWithinRange' });
  });

  it('scales down only after the 5-minute stabilization window once the load stops', { timeout: 120_000 }, async () => {
    expect((await kubectl('delete', 'pod', 'load-generator', '--wait=false')).code).toBe(0);
    await sync();
    expect((await hpaRow()).slice(2, 6)).toEqual(['cpu: 0%/50%', '1', '10', '8']);
    expect(await conditions()).toMatchObject({ AbleToScale: 'True ScaleDownStabilized' });
    // Still 8 just before the window of the last high recommendation ends...
    for (let t = 15; t < 285; t += 15) await sync();
    expect(await replicas()).toBe(8);
    // ...and down to the minimum once it has.
    for (let t = 0; t < 3 && (await replicas()) === 8; t++) await sync();
    expect(await events()).toContain('Normal SuccessfulRescale New size: 1; reason: All metrics below target');
    expect(await conditions()).toMatchObject({ AbleToScale: 'True SucceededRescale', ScalingLimited: 'True TooFewReplicas' });
    await until(replicas, (n) => n === 1);
  });
});

describe('HorizontalPodAutoscaler without metrics-server', () => {
  let fx: SimFixture;
  const clock = new JumpClock(new Date('2026-03-02T10:00:00Z'));
  const kubectl = async (...args: string[]) => {
    const r = await fx.kubectl(args);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, clock, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('reports the missing metrics API in its ScalingActive condition and events, and keeps <unknown> targets', async () => {
    expect((await fx.kubectl(['apply', '-f', '-'], { input: PHP_APACHE })).exitCode).toBe(0);
    expect((await kubectl('autoscale', 'deployment', 'php-apache', '--cpu-percent=50', '--min=1', '--max=10')).code).toBe(0);
    clock.advance(15_000);
    await until(
      async () => fx.sim.atRest(1000),
      (quiet) => quiet,
    );
    const row = (await kubectl('get', 'hpa', 'php-apache', '--no-headers')).out.trim().split(/\s{2,}/);
    expect(row.slice(2, 6)).toEqual(['cpu: <unknown>/50%', '1', '10', '1']);
    const hpa = JSON.parse((await kubectl('get', 'hpa', 'php-apache', '-o', 'json')).out);
    const noApi =
      'unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
    expect(hpa.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale"],
      ['ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: failed to get cpu utilization: ${noApi}`],
    ]);
    const events = (
      await kubectl(
        'get',
        'events',
        '--field-selector',
        'involvedObject.kind=HorizontalPodAutoscaler',
        '-o',
        'jsonpath={range .items[*]}{.type} {.reason} {.message}{"\\n"}{end}',
      )
    ).out;
    expect(events).toContain(`Warning FailedGetResourceMetric failed to get cpu utilization: ${noApi}`);
    expect(events).toContain(
      `Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: ${noApi}`,
    );
  });
});

describe('autoscaling/v2 HorizontalPodAutoscaler with a behavior', () => {
  let fx: SimFixture;
  const clock = new JumpClock(new Date('2026-03-02T10:00:00Z'));
  const kubectl = async (...args: string[]) => {
    const r = await fx.kubectl(args);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  const sync = async (ms = 15_000) => {
    clock.advance(ms);
    await until(
      async () => fx.sim.atRest(1000),
      (quiet) => quiet,
    );
  };
  const spec = async () => Number((await kubectl('get', 'deployment', 'php-apache', '-o', 'jsonpath={.spec.replicas}')).out);
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, clock, speed: 4, metricsServer: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('adds at most one pod a minute under a Pods policy', async () => {
    expect((await fx.kubectl(['apply', '-f', '-'], { input: PHP_APACHE })).exitCode).toBe(0);
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  behavior:
    scaleUp:
      policies:
      - {type: Pods, value: 1, periodSeconds: 60}
`;
    expect((await fx.kubectl(['apply', '-f', '-'], { input: hpa })).exitCode).toBe(0);
    const run = await kubectl(
      'run',
      'load-generator',
      '--image=busybox:1.28',
      '--restart=Never',
      '--',
      '/bin/sh',
      '-c',
      'while sleep 0.01; do wget -q -O- http://php-apache; done',
    );
    expect(run.code).toBe(0);
    await until(
      () => kubectl('get', 'pods', '-o', 'jsonpath={.items[*].status.phase}'),
      (r) => r.out === 'Running Running',
    );
    await sync();
    expect(await spec()).toBe(2);
    const limited = JSON.parse((await kubectl('get', 'hpa', 'php-apache', '-o', 'json')).out).status.conditions.find((c: any) => c.type === 'ScalingLimited');
    expect([limited.status, limited.reason, limited.message]).toEqual([
      'True',
      'ScaleUpLimit',
      'the desired replica count is increasing faster than the maximum scale rate',
    ]);
    await until(
      () => kubectl('get', 'deployment', 'php-apache', '-o', 'jsonpath={.status.readyReplicas}'),
      (r) => r.out === '2',
    );
    await sync();
    expect(await spec()).toBe(2);
    await sync(45_000);
    expect(await spec()).toBe(3);
  });
});
