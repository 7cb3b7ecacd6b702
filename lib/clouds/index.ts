// The top floor: where a cloud object is assembled from its layers (the cloud's profile,
// renderer and rules, the policy checker, the report writer) and the rule catalog of every
// cloud is listed. Nothing below imports it.
export { Cloud } from './cloud';
export { RuleCatalog } from './catalog';
