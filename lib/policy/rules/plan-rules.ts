import { RangeSource } from '../../model/plan';
import { defineRule, IPolicyRule, Severity } from '../rule';


const plan002 = defineRule('PLAN-002', Severity.ERROR,
  'A frozen plan allocates nothing its plan file does not record.',
  (plan) => plan.frozen
    ? plan.ranges.filter((r) => r.source === RangeSource.ALLOCATED).map((r) => ({
      path: r.owner,
      message: `the plan is frozen and ${plan.planFile} has no record of the ${r.name} range of ${r.owner} (it would get ${r.cidr}): ` +
        'run cdktf synth where CI is not true (or with frozen: false) to record it, and commit the plan file',
    }))
    : []);

const plan003 = defineRule('PLAN-003', Severity.WARNING,
  'Ranges recorded in the plan file belong to an owner that still exists.',
  (plan) => plan.unclaimedRecords.map((r) => ({
    path: plan.path,
    message: `${plan.planFile} records ${r.cidr} for ${r.recordOf}, which no longer asks for it; ` +
      `the range stays reserved — if its owner was renamed, \`cdktf-kube-networks plan mv OLD_PATH NEW_PATH\` gives it back its ranges; ` +
      `once its resources are gone, \`cdktf-kube-networks plan rm ${r.recordOf}\` frees it`,
  })));

/** Plan-file rules checked at synth (PLAN-001 and PLAN-004 fail construction instead). */
export const PLAN_RULES: readonly IPolicyRule[] = [plan002, plan003];



