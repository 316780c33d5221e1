// Reading what a client sends: small JSON bodies whole, and the multipart
// form `snap install FILE` streams (form fields and one .snap file, which is
// written to disk as it arrives rather than held in memory). Both are
// bounded; going over a bound is the client's error and is answered as one.
import busboy from "busboy";
import { createWriteStream, promises as fs } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PlugboardError } from "../errors/index.js";

/** Request bodies are small JSON documents or assertion streams. */
export const MAX_BODY = 64 * 1024;
/** A snap file larger than this is refused; no snap a device runs comes near it. */
export const MAX_UPLOAD = 4 * 1024 * 1024 * 1024;

export class BodyTooLarge extends PlugboardError {
  override name = "BodyTooLarge";
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** The form could not be read: snapd answers it with "cannot read POST form: …". */
export class BadForm extends PlugboardError {
  override name = "BadForm";
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface Upload {
  readonly fields: Readonly<Record<string, string>>;
  /** The snap file as received, or undefined when the form had none. */
  readonly file?: { readonly path: string; readonly filename: string; readonly size: number };
  /** Removes what was written. */
  discard(): Promise<void>;
}

const FIELD_LIMITS = { fields: 32, fieldSize: 4096, parts: 40, files: 1, fileSize: MAX_UPLOAD };

export const isMultipart = (req: IncomingMessage): boolean => /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");

/**
 * Reads a multipart form into `dir`: fields by name, the `snap` file to a
 * fresh file of its own. A form that is malformed, has more than one file,
 * or goes over a limit throws BadForm, and nothing it wrote is kept.
 */
export async function receiveUpload(req: IncomingMessage, dir: string, limits: Partial<typeof FIELD_LIMITS> = {}): Promise<Upload> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const where = await fs.mkdtemp(path.join(dir, "upload-"));
  const discard = () => fs.rm(where, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: Upload["file"];
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { ...FIELD_LIMITS, ...limits } });
  } catch (e) {
    await discard();
    throw new BadForm((e as Error).message);
  }
  const writes: Promise<void>[] = [];
  const failure = new Promise<never>((_, reject) => {
    const fail = (m: string) => reject(new BadForm(m));
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(`form field ${JSON.stringify(name)} is too long`);
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "snap") {
        stream.resume();
        return fail(`unexpected file field ${JSON.stringify(name)}`);
      }
      // The client's file name is shown in the change's summary only; it never names a file here.
      const target = path.join(where, "snap");
      const filename = path.basename(info.filename || "snap");
      let size = 0;
      stream.on("data", (c: Buffer) => (size += c.length));
      stream.on("limit", () => fail(`the snap file is larger than ${limits.fileSize ?? MAX_UPLOAD} bytes`));
      writes.push(
        pipeline(stream, createWriteStream(target, { mode: 0o600 })).then(() => {
          file = { path: target, filename, size };
        }),
      );
    });
    parser.on("filesLimit", () => fail("more than one snap file"));
    parser.on("fieldsLimit", () => fail("too many form fields"));
    parser.on("partsLimit", () => fail("too many form parts"));
    parser.on("error", (e: Error) => fail(e.message));
  });
  const finished = new Promise<void>((resolve) => parser.on("close", () => resolve()));
  try {
    req.pipe(parser);
    await Promise.race([failure, finished.then(() => Promise.all(writes))]);
  } catch (e) {
    req.unpipe(parser);
    req.resume();
    await discard();
    throw e instanceof BadForm ? e : new BadForm((e as Error).message);
  }
  return { fields, ...(file ? { file } : {}), discard };
}
