/** Email through the SMTP server of SMTP_URL (nodemailer), from MAIL_FROM. */
import nodemailer, { type Transporter } from "nodemailer";
import type { MessageDriver, OutgoingMessage } from "./message-driver";

export class SmtpDriver implements MessageDriver {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
    // Host only: the URL may carry a password.
    this.description = `sent through SMTP to ${new URL(url).host}`;
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: `<${message.id}@pas-a-pas>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
