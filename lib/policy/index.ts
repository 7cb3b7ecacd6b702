// The policy layer: the cloud-neutral rule catalog (MODEL-*, K8S-*, PLAN-*), the engine that
// runs rules over a resolved plan, and suppressions. It knows no cloud: each cloud object
// brings its own rules to a Checker.
export { Policy, Suppression } from './suppressions';
