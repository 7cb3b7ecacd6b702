// Public API of cdktf-kube-networks (what jsii compiles for every language).
// The address layer (lib/ipam) is internal: it speaks bigint, which jsii cannot carry.
export {};
