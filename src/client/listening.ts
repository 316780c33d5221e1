import { connect } from "node:net";

/** Whether something answers on this unix socket (an agent, snapd itself). */
export const isListening = (socket: string): Promise<boolean> =>
  new Promise((resolve) => {
    const c = connect(socket);
    c.once("connect", () => {
      c.destroy();
      resolve(true);
    });
    c.once("error", () => resolve(false));
  });
