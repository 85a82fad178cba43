export { embedJson } from './embed-json.js';
export { parseTraceLines } from './parse-trace.js';
export { renderEvalReport } from './render-eval-report.js';
export { renderTraceReport } from './render-trace-report.js';
export type { EvalReportData, TraceLine, TraceReportOptions } from './report-data.js';
