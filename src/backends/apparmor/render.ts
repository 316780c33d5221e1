import Handlebars from "handlebars";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../../files/index.js";
import { HOST_TOOLS, LIBRARY_TREE_RULES } from "./base-rules.js";

let template: HandlebarsTemplateDelegate | undefined;

function profileTemplate(): HandlebarsTemplateDelegate {
  // noEscape: HTML escaping is no defence here; values are validated instead.
  template ??= Handlebars.compile(readFileSync(path.join(packageRoot(), "templates/apparmor/profile.hbs"), "utf8"), { noEscape: true, strict: true });
  return template;
}

export interface ProfileInput {
  readonly snapName: string;
  readonly revision: string;
  readonly tag: string;
  readonly complain: boolean;
  readonly snippets: readonly { title: string; body: string }[];
}

export function renderProfile(input: ProfileInput): string {
  const snippets = input.snippets.map((s) => ({ title: s.title.replace(/[\n\r]/g, " "), body: indent(s.body) }));
  return profileTemplate()({ ...input, snippets, hostTools: HOST_TOOLS, libraryTreeRules: LIBRARY_TREE_RULES });
}

function indent(body: string): string {
  return body
    .split("\n")
    .map((l) => (l.trim() === "" ? "" : `  ${l.trim()}`))
    .join("\n");
}
