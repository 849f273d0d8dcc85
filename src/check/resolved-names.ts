/**
 * What the safe lookup learnt, in one run, of each host name it resolved: whether it points
 * inwards (one of its addresses is private, loopback, link-local… and only `--allow-private`
 * let the check through). The archive stage reads it: a dead link to such a name must not
 * become a question to the public Wayback Machine, which would learn the intranet's host names.
 * No imports: the run creates one before it knows whether it will make any request.
 */
export class ResolvedNames {
  /** Lower-case name without a final dot → why it points inwards, or undefined when it does not. */
  private readonly names = new Map<string, string | undefined>();

  /** Records one answer for `hostname`. Once inwards, always: DNS may answer differently next time. */
  record(hostname: string, inwards: string | undefined): void {
    const key = nameKey(hostname);
    if (this.names.get(key) === undefined) this.names.set(key, inwards);
  }

  /** True when `hostname` was resolved in this run. */
  has(hostname: string): boolean {
    return this.names.has(nameKey(hostname));
  }

  /** Why `hostname` points inwards ("resolves to 10.0.0.5, a private address"), if it does. */
  inwards(hostname: string): string | undefined {
    return this.names.get(nameKey(hostname));
  }
}

function nameKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}
