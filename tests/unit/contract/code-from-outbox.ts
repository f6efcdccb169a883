/** The sign-in code the server's queue wrote to DATA_DIR/outbox for an address (the default driver). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export async function codeSentTo(dataDir: string, address: string, output: () => string): Promise<string> {
  const outbox = join(dataDir, "outbox");
  for (let i = 0; i < 150; i++) {
    const files = existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith(".json")) : [];
    for (const name of files) {
      const message = JSON.parse(readFileSync(join(outbox, name), "utf8")) as { to: string; text: string };
      const code = message.to === address ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined;
      if (code) return code;
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`no code sent to ${address}:\n${output()}`);
}
