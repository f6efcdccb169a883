/**
 * TRUST_PROXY: who the client is when the server sits behind reverse proxies, for the per-client
 * limits (sign-in codes, uploads). Unset, the client is the connection's address, and a
 * `X-Forwarded-For` header is ignored: anyone can write one. Two ways to say which proxies to
 * believe, because deployments differ:
 * - a list of the proxies' addresses (`10.0.0.5,10.0.0.6`): the header is read only when the
 *   connection comes from one of them, right to left, past each listed proxy. The safer choice:
 *   a client reaching the server directly, around the proxy, cannot pick its own address.
 * - a number of proxies in a fixed chain (`1`: one load balancer): the address that many hops
 *   back. For proxies whose addresses change (a cloud load balancer); it must then be impossible
 *   to reach the server other than through them.
 */
import { isIP } from "node:net";
// config.ts imports this file too: ConfigError is only used when a value is read, after both loaded.
import { ConfigError } from "./config";

export type TrustProxy =
  | { readonly kind: "none" }
  | { readonly kind: "hops"; readonly hops: number }
  | { readonly kind: "addresses"; readonly addresses: ReadonlySet<string> };

export const TRUST_NO_PROXY: TrustProxy = { kind: "none" };
const MAX_HOPS = 10;

/** "::ffff:10.0.0.5", as Node gives an IPv4 client on a dual-stack socket, is 10.0.0.5. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

export function readTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS)
      throw new ConfigError(`TRUST_PROXY must be at most ${MAX_HOPS} proxies (got "${value}").`);
    return { kind: "hops", hops };
  }
  const addresses = text.split(",").map((part) => part.trim());
  const wrong = addresses.filter((address) => isIP(address) === 0);
  if (wrong.length > 0)
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxies (like 1) or the proxies' IP addresses separated by commas (like 10.0.0.5,10.0.0.6); these are not IP addresses: ${wrong.map((w) => `"${w}"`).join(", ")}.`,
    );
  return { kind: "addresses", addresses: new Set(addresses.map(normaliseAddress)) };
}

/** The client's address: the connection's, or the forwarded one TRUST_PROXY says to believe. */
export function clientAddressOf(
  trust: TrustProxy,
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
): string | undefined {
  if (trust.kind === "none" || socketAddress === undefined) return socketAddress;
  // Nearest first: the connection, then each address the proxies appended, right to left.
  const chain = [
    normaliseAddress(socketAddress),
    ...(forwardedFor ?? "")
      .split(",")
      .map(normaliseAddress)
      .filter((address) => isIP(address) !== 0)
      .reverse(),
  ];
  if (trust.kind === "hops") return chain[Math.min(trust.hops, chain.length - 1)];
  let index = 0;
  while (index < chain.length - 1 && trust.addresses.has(chain[index] as string)) index++;
  return chain[index];
}
