import type { FieldCause } from '../../status.js';
import { forbidden, goStringMap, invalidField, notSupported, required } from '../field-errors.js';
import { type Dict, isDict } from '../util.js';
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

/** Deployment spec. */
export function validateDeploymentSpec(spec: Dict): FieldCause[] {
  const errs = [...nonNegative(spec, 'replicas', 'spec'), ...validateSelectorAndTemplate(spec, 'spec', EMPTY_SELECTOR)];
  errs.push(...requireRestartPolicy(spec, 'spec', ['Always']));
  const strategy = isDict(spec.strategy) ? spec.strategy : {};
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate != null) {
      errs.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
    }
  } else if (strategy.type !== 'RollingUpdate') {
    errs.push(notSupported('spec.strategy.type', strategy.type ?? '', ['Recreate', 'RollingUpdate']));
  }
  errs.push(...nonNegative(spec, 'minReadySeconds', 'spec'), ...nonNegative(spec, 'revisionHistoryLimit', 'spec'));
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

/** StatefulSet spec. */
export function validateStatefulSetSpec(spec: Dict): FieldCause[] {
  const errs = [...nonNegative(spec, 'replicas', 'spec'), ...validateSelectorAndTemplate(spec, 'spec', 'empty selector is invalid for statefulset')];
  const policy = spec.podManagementPolicy;
  if (policy && !['OrderedReady', 'Parallel'].includes(policy)) {
    errs.push(notSupported('spec.podManagementPolicy', policy, ['OrderedReady', 'Parallel']));
  }
  errs.push(...requireRestartPolicy(spec, 'spec', ['Always']));
  return errs;
}

/** DaemonSet spec. */
export function validateDaemonSetSpec(spec: Dict): FieldCause[] {
  return [...validateSelectorAndTemplate(spec, 'spec', 'empty selector is invalid for daemonset'), ...requireRestartPolicy(spec, 'spec', ['Always'])];
}

/** Job spec at `path` (`spec`, or `spec.jobTemplate.spec` in a CronJob). */
export function validateJobSpec(spec: Dict | undefined, path: string, generatedSelector: boolean): FieldCause[] {
  if (!isDict(spec)) return [required(path)];
  const errs = [
    ...nonNegative(spec, 'parallelism', path),
    ...nonNegative(spec, 'completions', path),
    ...nonNegative(spec, 'backoffLimit', path),
  ];
  if (generatedSelector) errs.push(...validateSelectorAndTemplate(spec, path, undefined));
  else if (!isDict(spec.template)) errs.push(required(`${path}.template`));
  else errs.push(...validatePodTemplate(spec.template, `${path}.template`));
  errs.push(...requireRestartPolicy(spec, path, ['OnFailure', 'Never']));
  return errs;
}

/** CronJob spec: schedule and the Job template. */
export function validateCronJobSpec(spec: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else {
    const fields = String(spec.schedule).trim().split(/\s+/);
    if (!String(spec.schedule).startsWith('@') && fields.length !== 5) {
      errs.push(invalidField('spec.schedule', spec.schedule, `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`));
    }
  }
  const policy = spec.concurrencyPolicy;
  if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported('spec.concurrencyPolicy', policy ?? '', ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec', false));
  return errs;
}
