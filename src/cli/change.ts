// Making a change through the agent as snap does: send the request, follow
// the change until it is ready, and fail with the change's own error.
import { PlugboardError } from "../errors/index.js";
import type { AgentClient, ChangeJson } from "../client/index.js";

/** A change the agent ran and that failed; its message is snapd's list of failed tasks, printed as is. */
export class ChangeFailed extends PlugboardError {
  override name = "ChangeFailed";
  readonly multiline = true;
}

/** A ready change that did not succeed is its error, as snap reports it. */
export function throwIfFailed(c: ChangeJson): ChangeJson {
  if (c.status !== "Done") throw new ChangeFailed(c.err ?? `change ${c.id} ended ${c.status}`);
  return c;
}

export async function runChange(agent: AgentClient, path: string, body: unknown): Promise<ChangeJson> {
  return throwIfFailed(await agent.wait(await agent.change(path, body)));
}
