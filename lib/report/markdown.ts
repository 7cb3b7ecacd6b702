import { AddressReport } from './data';

/** The address plan as Markdown: ranges, pools, clusters' flags, rules, warnings, suppressions. */
export function renderMarkdown(report: AddressReport): string {
  const lines: string[] = [];
  const hole = report.holeCidr ? `, hole ${code(report.holeCidr)}` : '';
  lines.push(`# Address plan of ${report.network}`, '');
  lines.push(`${report.cloud} · main network ${code(report.cidr)} · island space ${code(report.islandCidr)}${hole}`, '');

  lines.push('## Ranges', '');
  lines.push('| owner | range | role | reach | CIDR | addresses | holds |', '|---|---|---|---|---|---:|---|');
  for (const r of report.ranges) {
    const reach = r.routable ? 'routable' : r.reused ? 'private, reused' : 'private';
    lines.push(`| ${cell(r.owner)} | ${cell(r.name)} | ${r.role} | ${reach} | ${code(r.cidr)} | ${thousands(r.size)} | ${cell(r.holds)} |`);
  }
  lines.push('');

  lines.push('## Utilization', '');
  lines.push('| pool | CIDR | used | of | % |', '|---|---|---:|---:|---:|');
  for (const p of report.pools) {
    lines.push(`| ${cell(p.name)} | ${code(p.cidr)} | ${thousands(p.used)} | ${thousands(p.total)} | ${p.percent.toFixed(1)} |`);
  }
  lines.push('');

  lines.push('## Clusters', '');
  for (const c of report.clusters) {
    lines.push(`### ${c.path} (${c.model.toLowerCase()}${c.ipFamily ? `, ${familyText(c.ipFamily)}` : ''})`, '');
    if (c.podCidr === '') {
      lines.push(`nodes ${code(c.nodeCidr)}; IPv6 pods from the node subnets' /64s, IPv6 services from a range the cloud chooses`, '');
      continue;
    }
    lines.push(`nodes ${code(c.nodeCidr)}, pods ${code(c.podCidr)} (/${c.nodeMaskSize} per node), services ${code(c.serviceCidr)}; ` +
      `API server service IP ${code(c.apiServerServiceIp)}, cluster DNS ${code(c.dnsServiceIp)}`, '');
    lines.push('```', ...c.kubeControllerManagerArgs, '```', '');
  }

  if (report.ipv6Subnets?.length) {
    lines.push('## IPv6 subnets', '');
    lines.push('Each VPC\'s IPv6 block is assigned at deploy; the plan numbers its /64s: `cidrsubnet(block, 8, netnum)`.', '');
    lines.push('| VPC of | subnet | netnum |', '|---|---|---:|');
    for (const s of report.ipv6Subnets) lines.push(`| ${cell(s.vpc)} | ${cell(s.name)}${s.claimed ? '' : ' (recorded, unused)'} | ${s.netnum} |`);
    lines.push('');
  } else if (report.ipv6) {
    lines.push('## IPv6', '', 'The cloud assigns each dual-stack subnet its IPv6 range: nothing to plan.', '');
  }

  lines.push('## Policy', '');
  lines.push(`${report.rulesChecked.length} rules checked: ${report.rulesChecked.map((r) => r.id).join(', ')}.`, '');
  section(lines, 'Warnings', report.warnings.map((w) => `- **${w.ruleId}** [${cell(w.path)}] ${cell(w.message)}`));
  section(lines, 'Suppressed', report.suppressed.map((s) => `- **${s.ruleId}** [${cell(s.path)}] ${cell(s.message)} — *${cell(s.reason)}*`));
  section(lines, 'Recorded ranges whose owner is gone', report.unclaimed.map((u) =>
    `- ${code(u.cidr)} of ${cell(u.owner)}: still reserved; delete its entry from the plan file to free it`));
  return lines.join('\n');
}

function section(lines: string[], title: string, items: string[]): void {
  lines.push(`### ${title}`, '', ...(items.length ? items : ['none']), '');
}

function code(text: string): string {
  return text ? `\`${text}\`` : '—';
}

/** Markdown table cells cannot hold `|` or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function thousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function familyText(family: string): string {
  return family === 'DUAL_STACK' ? 'dual-stack' : family === 'IPV6' ? 'IPv6' : 'IPv4';
}
