/**
 * Left-aligned columns as snap's tables lay them out: each column as wide as
 * its widest cell plus two spaces, and never narrower than five; the last
 * column is not padded.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(5, ...all.map((r) => (r[i] ?? "").length + 2)));
  return (
    all
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
          .join("")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
