export { parseMarkdown, type ParseOptions } from './parse-markdown.js';
export { loadLesson, MAX_DOC_BYTES, type LoadOptions } from './load-lesson.js';
