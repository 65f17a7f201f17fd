export * from './position.js';
export * from './diagnostic.js';
export * from './errors.js';
