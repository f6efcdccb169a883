/**
 * SMS through a small HTTP gateway: POST SMS_GATEWAY_URL with JSON {"id", "to", "text"} and, when
 * SMS_GATEWAY_TOKEN is set, `Authorization: Bearer <token>`. Any 2xx answer means handed over;
 * the id lets the gateway drop a message it already took when we try again after a lost answer.
 */
import type { MessageDriver, OutgoingMessage } from "./message-driver";

const TIMEOUT_MS = 15_000;

export class SmsGatewayDriver implements MessageDriver {
  readonly description: string;

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {
    this.description = `sent through the SMS gateway at ${new URL(url).host}`;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ id: message.id, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}
