/**
 * Site-scale runs (docs/site.md): which pages changed, shards balanced by cost, a cache of passing
 * pages, a baseline of known failures, merged shard reports and localization drift.
 */
export {
  applyBaseline,
  baselineSummary,
  exitCodeWithBaseline,
  pageKey,
  readBaseline,
  updatedBaseline,
  writeBaseline,
  type Baseline,
  type BaselineOutcome,
} from './baseline.js';
export { cacheKey, cacheLookup, cacheStore, type CacheContext } from './cache.js';
export { changedFiles, formatSelection, selectChanged, type SelectedPage } from './changed.js';
export { findDrift, formatDriftJson, formatDriftText, type Drift, type DriftOptions, type PageDrift } from './drift.js';
export { mergeReportFiles } from './merge.js';
export { pageCosts, parseShard, shardOf, timingsFromReport, type PageCost, type ShardSpec } from './shard.js';
