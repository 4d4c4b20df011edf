import { BlockList, isIP } from "node:net";
import { domainToASCII } from "node:url";

/** An entry of the block or allow list, as staff typed it once checked and written the one way. */
export type RuleKind = "email-domain" | "network";
export type RuleAction = "block" | "allow";

export interface Rule {
  kind: RuleKind;
  action: RuleAction;
  value: string;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An email domain in its one written form (lower case, punycode), or null. "@x.org" is taken as "x.org". */
export function normaliseDomain(raw: string): string | null {
  const trimmed = raw.trim().replace(/^@/, "").replace(/\.$/, "").toLowerCase();
  const ascii = domainToASCII(trimmed);
  return ascii && DOMAIN.test(ascii) ? ascii : null;
}

/**
 * A network range in CIDR form ("203.0.113.0/24", "2001:db8::/48"; a lone address is its own
 * range), written with the network's first address, or null. Ranges wider than /8 (IPv4) or
 * /16 (IPv6) are refused: one typo would hold back a continent.
 */
export function normaliseRange(raw: string): string | null {
  const [address = "", prefixText, extra] = raw.trim().split("/");
  if (extra !== undefined) return null;
  const family = isIP(address);
  if (family === 0) return null;
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < (family === 4 ? 8 : 16) || prefix > bits) return null;
  return `${firstAddress(address, family === 4 ? 4 : 6, prefix)}/${prefix}`;
}

function firstAddress(address: string, family: 4 | 6, prefix: number): string {
  if (family === 4) {
    const n = address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const first = (n & mask) >>> 0;
    return [24, 16, 8, 0].map((s) => (first >>> s) & 255).join(".");
  }
  const groups = expandIPv6(address);
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    const keep = Math.max(0, Math.min(16, prefix - i * 16));
    const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
    out.push(((groups[i] ?? 0) & mask).toString(16));
  }
  return compressIPv6(out);
}

function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail ("::ffff:1.2.3.4") as two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((g) => Number.parseInt(g, 16));
}

function compressIPv6(groups: string[]): string {
  // The longest run of zero groups becomes "::".
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at === -1) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.length).join(":")}`;
}

/** A raw address as Node's BlockList wants it: IPv4-mapped IPv6 addresses as plain IPv4. */
function plainAddress(ip: string): { address: string; type: "ipv4" | "ipv6" } | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  const family = isIP(address);
  return family === 0 ? null : { address, type: family === 4 ? "ipv4" : "ipv6" };
}

/** What the lists say about one signature: blocked, allowed (which wins), or nothing. */
export type Verdict = "block" | "allow" | null;

/**
 * The lists made ready to ask, in memory: network ranges in Node's BlockList (the raw address
 * is compared at the moment of the request and never kept), domains in sets.
 */
export class RuleMatcher {
  private readonly networks: Record<RuleAction, BlockList> = { block: new BlockList(), allow: new BlockList() };
  private readonly domains: Record<RuleAction, Set<string>> = { block: new Set(), allow: new Set() };
  readonly size: number;

  constructor(rules: readonly Rule[]) {
    for (const rule of rules) {
      if (rule.kind === "email-domain") this.domains[rule.action].add(rule.value);
      else {
        const [address = "", prefix = ""] = rule.value.split("/");
        const family = isIP(address);
        if (family !== 0) this.networks[rule.action].addSubnet(address, Number(prefix), family === 4 ? "ipv4" : "ipv6");
      }
    }
    this.size = rules.length;
  }

  /** The list's word on a network (raw address, never stored). */
  network(ip: string | undefined): Verdict {
    if (this.size === 0 || !ip) return null;
    const plain = plainAddress(ip);
    if (!plain) return null;
    if (this.networks.allow.check(plain.address, plain.type)) return "allow";
    return this.networks.block.check(plain.address, plain.type) ? "block" : null;
  }

  /** The list's word on an email address's domain, or on a parent domain ("mail.x.org" under "x.org"). */
  emailDomain(email: string): Verdict {
    if (this.size === 0) return null;
    const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
    const candidates: string[] = [];
    for (let d = domain; d.includes("."); d = d.slice(d.indexOf(".") + 1)) candidates.push(d);
    if (candidates.some((d) => this.domains.allow.has(d))) return "allow";
    return candidates.some((d) => this.domains.block.has(d)) ? "block" : null;
  }
}
