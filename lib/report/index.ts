// The report layer: the address plan of every network as Markdown, JSON and SVG, written
// at synth beside the stack output. Loading it registers the writer with the model.
import { registerPlanListener } from '../model/renderer';
import { writeReport } from './write';

registerPlanListener(writeReport);

export { AddressReport, ReportRange, ReportPool, ReportCluster, buildReport } from './data';
export { renderMarkdown } from './markdown';
export { renderSvg } from './svg';
