export * from './colors.js';
export * from './xml.js';
export * from './findings.js';
export * from './sarif.js';
export * from './check-text.js';
export * from './check-formats.js';
export * from './terminal.js';
export * from './html.js';
