// Public API of cdktf-kube-networks (what jsii compiles for every language).
// The address layer (lib/ipam) stays internal: it speaks bigint, which jsii cannot carry.
export * from './model';
export * from './policy';
export * from './gcp';
export * from './aws';
export * from './verify';
export * from './clouds';
