// The address layer: pure math on ip-num. No cdktf, no constructs, nothing else of ours.
export * from './errors';
export * from './cidr';
export * from './pool';
export * from './overlap';
export * from './capacity';
export * from './coverage';
export * from './private';
