import { isKnownTimeZone, scheduleError } from '../../cron-schedule.js';
import type { FieldCause } from '../../status.js';
import { forbidden, goStringMap, invalidField, notSupported, required } from '../field-errors.js';
import { type Dict, isDict } from '../util.js';
import { validateLabels } from './meta.js';
import { validatePodTemplate } from './pod-spec.js';
import { goLabelSelector, selectorIsEmpty, selectorMatches } from './selector.js';

/** Spec validation for apps/v1 and batch/v1 workloads (`pkg/apis/apps/validation`, `batch/validation`). */

function nonNegative(spec: Dict, key: string, path: string): FieldCause[] {
  const v = spec[key];
  return typeof v === 'number' && v < 0 ? [invalidField(`${path}.${key}`, v, 'must be greater than or equal to 0')] : [];
}

/** Selector present and non-empty, and matching the template labels. */
function validateSelectorAndTemplate(spec: Dict, path: string, emptyMessage: string | undefined): FieldCause[] {
  const errs: FieldCause[] = [];
  const selector = isDict(spec.selector) ? spec.selector : undefined;
  if (!selector) errs.push(required(`${path}.selector`));
  else if (emptyMessage && selectorIsEmpty(selector)) {
    errs.push(invalidField(`${path}.selector`, goLabelSelector(selector), emptyMessage));
  }
  const template = isDict(spec.template) ? spec.template : undefined;
  if (!template) {
    errs.push(required(`${path}.template`));
    return errs;
  }
  const labels = template.metadata?.labels as Record<string, string> | undefined;
  // A missing selector matches nothing; an empty one matches everything and is not checked.
  if (!(selector && selectorIsEmpty(selector)) && !selectorMatches(selector, labels)) {
    errs.push(invalidField(`${path}.template.metadata.labels`, goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplate(template, `${path}.template`));
  return errs;
}

function requireRestartPolicy(spec: Dict, path: string, allowed: string[]): FieldCause[] {
  const policy = spec.template?.spec?.restartPolicy;
  if (!isDict(spec.template) || !policy || allowed.includes(policy)) return [];
  return [notSupported(`${path}.template.spec.restartPolicy`, policy, allowed)];
}

const EMPTY_SELECTOR = 'empty selector is invalid for deployment';

/** `intstr.IntOrString{…}` as `%#v` prints it. */
function goIntOrString(v: unknown): { goString: string } {
  return typeof v === 'string'
    ? { goString: `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` }
    : { goString: `intstr.IntOrString{Type:0, IntVal:${Number(v ?? 0)}, StrVal:""}` };
}

const intOrPercent = (v: unknown) => (typeof v === 'string' && v.endsWith('%') ? Number(v.slice(0, -1)) : Number(v ?? 0));

function validateRollingUpdate(ru: Dict, path: string): FieldCause[] {
  const errs: FieldCause[] = [];
  if (intOrPercent(ru.maxUnavailable) === 0 && intOrPercent(ru.maxSurge) === 0) {
    errs.push(invalidField(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof ru.maxUnavailable === 'string' && intOrPercent(ru.maxUnavailable) > 100) {
    errs.push(invalidField(`${path}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'));
  }
  return errs;
}

function validateDeploymentStrategy(strategy: Dict): FieldCause[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate != null ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      return isDict(strategy.rollingUpdate) ? validateRollingUpdate(strategy.rollingUpdate, 'spec.strategy.rollingUpdate') : [];
    default: {
      const ru = strategy.rollingUpdate == null ? '(*apps.RollingUpdateDeployment)(nil)' : '(*apps.RollingUpdateDeployment)(0xc000a1e000)';
      const value = { goString: `apps.DeploymentStrategy{Type:${JSON.stringify(strategy.type ?? '')}, RollingUpdate:${ru}}` };
      return [notSupported('spec.strategy', value, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** Deployment spec. */
export function validateDeploymentSpec(spec: Dict): FieldCause[] {
  const errs = [...nonNegative(spec, 'replicas', 'spec'), ...validateSelectorAndTemplate(spec, 'spec', EMPTY_SELECTOR)];
  errs.push(...requireRestartPolicy(spec, 'spec', ['Always']));
  errs.push(...validateDeploymentStrategy(isDict(spec.strategy) ? spec.strategy : {}));
  errs.push(...nonNegative(spec, 'minReadySeconds', 'spec'), ...nonNegative(spec, 'revisionHistoryLimit', 'spec'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec, 'progressDeadlineSeconds', 'spec'));
    if (spec.progressDeadlineSeconds <= Number(spec.minReadySeconds ?? 0)) {
      errs.push(invalidField('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ReplicaSet spec. */
export function validateReplicaSetSpec(spec: Dict): FieldCause[] {
  return [
    ...nonNegative(spec, 'replicas', 'spec'),
    ...validateSelectorAndTemplate(spec, 'spec', EMPTY_SELECTOR),
    ...requireRestartPolicy(spec, 'spec', ['Always']),
  ];
}

/** StatefulSet spec; its pod template is checked for labels only, as upstream does. */
export function validateStatefulSetSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  const policy = spec.podManagementPolicy;
  if (!policy) errs.push(required('spec.podManagementPolicy'));
  else if (!['OrderedReady', 'Parallel'].includes(policy)) {
    errs.push(invalidField('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...nonNegative(spec, 'replicas', 'spec'), ...nonNegative(spec, 'minReadySeconds', 'spec'));
  const selector = isDict(spec.selector) ? spec.selector : undefined;
  if (!selector) errs.push(required('spec.selector'));
  else if (selectorIsEmpty(selector)) errs.push(invalidField('spec.selector', goLabelSelector(selector), 'empty selector is invalid for statefulset'));
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if (!(selector && selectorIsEmpty(selector)) && !selectorMatches(selector, labels)) {
    errs.push(invalidField('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.labels'), ...requireRestartPolicy(spec, 'spec', ['Always']));
  return errs;
}

/** DaemonSet spec: no Required selector error, a nil selector just matches nothing. */
export function validateDaemonSetSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  const selector = isDict(spec.selector) ? spec.selector : undefined;
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  if (!(selector && selectorIsEmpty(selector)) && !selectorMatches(selector, labels)) {
    errs.push(invalidField('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  if (selector && selectorIsEmpty(selector)) {
    errs.push(invalidField('spec.selector', goLabelSelector(selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplate(spec.template, 'spec.template'), ...requireRestartPolicy(spec, 'spec', ['Always']));
  return errs;
}

/** Job spec at `path` (`spec`, or `spec.jobTemplate.spec` in a CronJob). */
export function validateJobSpec(spec: Dict | undefined, path: string, generatedSelector: boolean): FieldCause[] {
  if (!isDict(spec)) return [required(path)];
  const errs = [...nonNegative(spec, 'parallelism', path), ...nonNegative(spec, 'completions', path), ...nonNegative(spec, 'backoffLimit', path)];
  if (generatedSelector) errs.push(...validateSelectorAndTemplate(spec, path, undefined));
  else if (!isDict(spec.template)) errs.push(required(`${path}.template`));
  else errs.push(...validatePodTemplate(spec.template, `${path}.template`));
  errs.push(...requireRestartPolicy(spec, path, ['OnFailure', 'Never']));
  return errs;
}

/** validateTimeZone: an IANA name the server's time zone database knows. */
function validateTimeZone(timeZone: string | undefined | null): FieldCause[] {
  if (timeZone === undefined || timeZone === null) return [];
  const tz = String(timeZone);
  if (tz === '') return [invalidField('spec.timeZone', timeZone, 'timeZone must be nil or non-empty string')];
  if (tz.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z._+\-0-9]+$/.test(part))) {
    return [invalidField('spec.timeZone', timeZone, `unknown time zone ${tz}`)];
  }
  if (tz.toLowerCase() === 'local')
    return [invalidField('spec.timeZone', timeZone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return isKnownTimeZone(tz) ? [] : [invalidField('spec.timeZone', timeZone, `unknown time zone ${tz}`)];
}

/** CronJob spec: schedule and the Job template. */
export function validateCronJobSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else {
    // validateScheduleFormat: robfig's parse error, then the TZ rule for new objects.
    const schedule = String(spec.schedule);
    const error = scheduleError(schedule);
    if (error) errs.push(invalidField('spec.schedule', spec.schedule, error));
    if (schedule.includes('TZ')) errs.push(invalidField('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...validateTimeZone(spec.timeZone));
  const policy = spec.concurrencyPolicy;
  if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy ?? '', ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec', false));
  return errs;
}
