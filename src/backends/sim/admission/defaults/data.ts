import { type Dict, isDict } from '../util.js';

/** Secret and ConfigMap data handling that the v1 conversion does. */

/** Merges `stringData` into base64 `data` (stringData wins) and drops it, as v1 conversion does. */
export function defaultSecretData(obj: Dict): void {
  if (!isDict(obj.stringData)) {
    delete obj.stringData;
    return;
  }
  const data: Dict = isDict(obj.data) ? obj.data : {};
  for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
  obj.data = data;
  delete obj.stringData;
}

/** ConfigMaps have no defaults; values stay strings. */
export function defaultConfigMapLike(_obj: Dict): void {}
