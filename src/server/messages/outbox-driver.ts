/**
 * The default for `npm start` without SMTP_URL or SMS_GATEWAY_URL: each message becomes a JSON
 * file in DATA_DIR/outbox/, for whoever runs the server to read (and for the browser tests).
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { MessageDriver, OutgoingMessage } from "./message-driver";

export class OutboxDriver implements MessageDriver {
  readonly description: string;

  constructor(private readonly directory: string) {
    this.description = `written as files in ${directory} (nothing is really sent)`;
  }

  async send(message: OutgoingMessage): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const name = `${new Date().toISOString().replaceAll(":", "-")}-${message.id}.json`;
    const file = join(this.directory, name);
    // Written aside then renamed: a reader never sees half a message.
    await writeFile(`${file}.part`, `${JSON.stringify(message, null, 2)}\n`, { mode: 0o600 });
    await rename(`${file}.part`, file);
  }
}
