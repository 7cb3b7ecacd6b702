import type { Archipelago } from './archipelago';
import { CloudProvider } from './cloud';
import type { ClusterBase } from './cluster';
import type { Network } from './network';

/**
 * What a cloud does with the model: builds its resources as the constructs are
 * written. Ranges are read lazily (cdktf tokens) so that rendering never forces the
 * plan before every pin is known. The cloud layers (lib/gcp, lib/aws) register one each.
 */
export interface CloudRenderer {
  /** At the end of the Network's constructor. */
  onNetwork(network: Network): void;
  /** At the end of an Archipelago's constructor, before its members. */
  onArchipelago(archipelago: Archipelago): void;
  /** At the end of every cluster's constructor. */
  onCluster(cluster: ClusterBase): void;
}

const renderers = new Map<CloudProvider, CloudRenderer>();

/** Registers the renderer of `provider` (once, by the cloud layer). */
export function registerRenderer(provider: CloudProvider, renderer: CloudRenderer): void {
  renderers.set(provider, renderer);
}

/** The renderer of `provider`, if its cloud layer is loaded. */
export function rendererFor(provider: CloudProvider): CloudRenderer | undefined {
  return renderers.get(provider);
}

/** Called at synth with a network whose plan passed every blocking rule (e.g. to write a report). */
export type PlanListener = (network: Network) => void;

const listeners: PlanListener[] = [];

/** Registers `listener` (once, by a layer such as lib/report). */
export function registerPlanListener(listener: PlanListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** The registered plan listeners. */
export function planListeners(): readonly PlanListener[] {
  return listeners;
}
