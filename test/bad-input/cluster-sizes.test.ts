// A cluster's sizes as JavaScript callers and typos write them, on both clouds: each refused
// where it is written (INPUT-002), naming the prop and the value.
import { FlatCluster, IslandCluster } from '../../lib';
import { BadEstate, Case, refuses } from './support';

type Size = 'maxNodes' | 'maxPodsPerNode' | 'maxServices';
const SIZES: Size[] = ['maxNodes', 'maxPodsPerNode', 'maxServices'];

const flatWith = (prop: string, value: unknown) => ({ stack, network }: BadEstate) => {
  new FlatCluster(stack, 'x', { network, [prop]: value });
};

const wrongNumbers: Case[] = SIZES.flatMap((prop): Case[] => [
  [`${prop}: '10' (a string)`, flatWith(prop, '10'), { id: 'INPUT-002', says: ['[corp/x]', `${prop} "10"`, 'a string, not a number', '10 without quotes'] }],
  [`${prop}: NaN`, flatWith(prop, NaN), { id: 'INPUT-002', says: ['[corp/x]', `${prop} NaN`, 'whole number'] }],
  [`${prop}: -1`, flatWith(prop, -1), { id: 'INPUT-002', says: ['[corp/x]', `${prop} -1`, 'at least 1'] }],
  [`${prop}: 0`, flatWith(prop, 0), { id: 'INPUT-002', says: ['[corp/x]', `${prop} 0`, 'at least 1'] }],
  [`${prop}: 2.5`, flatWith(prop, 2.5), { id: 'INPUT-002', says: ['[corp/x]', `${prop} 2.5`, 'whole number'] }],
  [`${prop}: Infinity`, flatWith(prop, Infinity), { id: 'INPUT-002', says: ['[corp/x]', `${prop} Infinity`, 'whole number'] }],
  [`${prop}: null`, flatWith(prop, null), { id: 'INPUT-002', says: ['[corp/x]', `${prop} null`, 'not a number'] }],
  [`${prop}: { value: 10 }`, flatWith(prop, { value: 10 }), { id: 'INPUT-002', says: ['[corp/x]', `${prop} {"value":10}`, 'an object, not a number'] }],
]);

describe('sizes that are no whole number', () => {
  refuses(wrongNumbers);
});

describe('sizes no cluster has', () => {
  refuses([
    ['maxPodsPerNode: 1e9', flatWith('maxPodsPerNode', 1e9), { id: 'INPUT-002', says: ['[corp/x]', 'maxPodsPerNode 1000000000', 'pods on one node'] }],
    ['maxPodsPerNode: 5000', flatWith('maxPodsPerNode', 5000), { id: 'INPUT-002', says: ['[corp/x]', 'maxPodsPerNode 5000', 'more than 1024'] }],
    ['maxNodes: Number.MAX_SAFE_INTEGER', flatWith('maxNodes', Number.MAX_SAFE_INTEGER), { id: 'INPUT-002', says: ['[corp/x]', 'maxNodes 9007199254740991', 'more nodes than any IPv4 subnet holds'] }],
    ['maxNodes: 2 ** 60 (past a safe integer)', flatWith('maxNodes', 2 ** 60), { id: 'INPUT-002', says: ['[corp/x]', 'maxNodes 1152921504606847000', 'whole number'] }],
    ['maxServices: 2000000 (past the /12 kube-apiserver takes)', flatWith('maxServices', 2_000_000), { id: 'INPUT-002', says: ['[corp/x]', 'maxServices 2000000', 'K8S-001'] }],
    ['nodeMaskSize: 33', flatWith('nodeMaskSize', 33), { id: 'INPUT-002', says: ['[corp/x]', 'nodeMaskSize 33', 'prefix length from 1 to 32'] }],
    ['nodeMaskSize: \'24\' (a string)', flatWith('nodeMaskSize', '24'), { id: 'INPUT-002', says: ['[corp/x]', 'nodeMaskSize "24"', 'a string, not a number'] }],
    ['island maxNodes: \'many\'', ({ stack, network }) => new IslandCluster(stack, 'x', { network, maxNodes: 'many' as unknown as number }),
      { id: 'INPUT-002', says: ['[corp/x]', 'maxNodes "many"', 'a string, not a number'] }],
  ]);
});
