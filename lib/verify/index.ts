// The reachability verifier: reads what was synthesized (Terraform JSON and address-plan.json)
// and checks each network model's promises, independently of the code that made it.
export { VerifyInput, VerifyFinding, ReachabilityKind, ReachabilityCell, EstateReachability, VerifyResult, NetworkVerifier, verifyNetworkModel } from './verifier';
export { toSatisfyNetworkModel } from './matcher';
