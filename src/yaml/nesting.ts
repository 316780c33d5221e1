import { CST, Lexer } from "yaml";

// The yaml library composes documents recursively, and its parser pops deep
// block structures recursively too: a few thousand levels of "[[[[" or
// "- - - -" overflow the stack (its message, not ours, reached the user, after
// seconds of work). The lexer, though, is a flat loop. So the nesting is
// measured on the lexer's tokens first, and the reading stops at the first
// token past the limit, before the parser sees anything.
//
// The count is a lower bound of the real nesting, so it never refuses a
// document the exact check while converting would accept:
// - each open flow collection ("[" or "{") is one level;
// - in block context, each "-", "?" or "key:" opens a level at its column,
//   unless one is already open at that column (a sibling); the first token
//   of a line closes every level opened at a greater column. A sequence at
//   its parent key's column ("a:\n- x") is counted as a sibling, so such
//   chains count half their depth, which still stops them long before the
//   stack would overflow.

/**
 * The line of the first token that opens more than `maxCollections` nested
 * collections, or null when the document stays within it.
 */
export function lineBeyondNesting(text: string, maxCollections: number): number | null {
  const open: number[] = []; // columns of the block collections open now
  let flow = 0;
  let line = 1;
  let column = 0;
  let lineStart = true;
  let nextIsScalar = false;
  let keyColumn: number | undefined; // column of a scalar that a ":" may make a key
  const deepest = () => open.length + flow > maxCollections;
  const openBlock = (c: number) => {
    if (open.length === 0 || open[open.length - 1]! < c) open.push(c);
  };
  for (const token of new Lexer().lex(text)) {
    // Zero-width markers the lexer adds: document start, "a scalar follows", flow error end.
    if (token === "\x02" || token === "\x18") continue;
    if (token === "\x1f") {
      nextIsScalar = true;
      continue;
    }
    const type = nextIsScalar ? "scalar" : CST.tokenType(token);
    nextIsScalar = false;
    const [at, atLine] = [column, line];
    const newlines = token.split("\n").length - 1;
    if (newlines > 0) {
      line += newlines;
      column = token.length - token.lastIndexOf("\n") - 1;
    } else column += token.length;
    if (type === "newline") {
      lineStart = true;
      keyColumn = undefined;
      continue;
    }
    if (type === "space" || type === "comment" || type === "byte-order-mark" || type === "directive-line") continue;
    // A block scalar's text carries its own final newline; no newline token follows it.
    const endsLine = token.endsWith("\n");
    if (type === "doc-start" || type === "doc-end") {
      open.length = 0;
      flow = 0;
      keyColumn = undefined;
      lineStart = false;
      continue;
    }
    if (lineStart && flow === 0) while (open.length > 0 && open[open.length - 1]! > at) open.pop();
    lineStart = false;
    switch (type) {
      case "flow-seq-start":
      case "flow-map-start":
        flow++;
        break;
      case "flow-seq-end":
      case "flow-map-end":
        if (flow > 0) flow--;
        break;
      case "seq-item-ind":
      case "explicit-key-ind":
        if (flow === 0) openBlock(at);
        break;
      case "map-value-ind":
        if (flow === 0 && keyColumn !== undefined) openBlock(keyColumn);
        break;
    }
    if (deepest()) return atLine;
    const scalar = type === "scalar" || type === "alias" || type === "single-quoted-scalar" || type === "double-quoted-scalar";
    keyColumn = scalar && flow === 0 && !endsLine ? at : undefined;
    lineStart = endsLine;
  }
  return null;
}
