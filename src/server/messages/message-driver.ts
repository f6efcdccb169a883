/** How one outgoing message leaves: SMTP, an SMS gateway, or a file in DATA_DIR/outbox/. */
export type Channel = "email" | "sms";

export interface OutgoingMessage {
  readonly id: string;
  readonly channel: Channel;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MessageDriver {
  /** What the start-up log says about where this channel's messages go (no secret, no address). */
  readonly description: string;
  /** Resolves once the message is handed over; throws to have it tried again later. */
  send(message: OutgoingMessage): Promise<void>;
  close?(): void;
}
