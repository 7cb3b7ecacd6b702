// Where Google's health checks come from: constants the outline, the rules and the renderer
// share (no provider classes here, so the rules load without them).

/** Where Google's health checks come from; backends must let them in (Google's health-check docs). */
export const HEALTH_CHECK_RANGES = ['35.191.0.0/16', '130.211.0.0/22'];

/**
 * Where Google's IPv6 health checks come from (Google's load-balancing docs: the IPv6 probe
 * range for internal passthrough and regional load balancers). 2600:2d00:1:1::/64 is not one:
 * it is where global external Application Load Balancers' front ends connect from, not probes.
 * A firewall rule holds IPv4 or IPv6 ranges, never both (GCP-IPV6-004): this goes in a twin.
 */
export const HEALTH_CHECK_RANGES_IPV6 = ['2600:2d00:1:b029::/64'];
