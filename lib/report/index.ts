// The report layer: the address plan of every network as Markdown, JSON and SVG, written
// at synth beside the stack output by a ReportWriter that each cloud object carries.
export { AddressReport, ReportRange, ReportPool, ReportCluster, buildReport } from './data';
export { renderMarkdown } from './markdown';
export { renderSvg } from './svg';
