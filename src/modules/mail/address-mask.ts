/**
 * An address as staff may see it: the first character of the mailbox and the domain,
 * e.g. "a•••@example.org". Enough to tell messages apart, not to write to anyone.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1 || at === address.length - 1) return "•••";
  return `${[...address.slice(0, at)][0]}•••${address.slice(at)}`;
}
