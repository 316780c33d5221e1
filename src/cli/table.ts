/** Left-aligned columns separated by at least two spaces, like snap's tables. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  return (
    all
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]! + 2)))
          .join("")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
