import { IPolicyRule } from '../model/rule';
import { K8S_RULES } from './rules/k8s-rules';
import { MODEL_RULES } from './rules/model-rules';
import { PLAN_RULES } from './rules/plan-rules';

/** The rules every network is checked against, whatever its cloud: model, Kubernetes, plan file. */
export const CORE_RULES: readonly IPolicyRule[] = [...MODEL_RULES, ...K8S_RULES, ...PLAN_RULES];
