/**
 * Tells the request's owner that something happened to it (a status change, a message, a task),
 * through the durable message queue and in the action's own transaction: the notice is queued
 * only if the action is kept. Email or SMS as the person signed in; the text names the reference
 * and nothing else of the request. A request sent without an account has nobody to tell.
 */
import { channelOf } from "../accounts/address";
import type { ExchangesRepository, Executor } from "../db/exchanges-repository";
import type { MessageQueue } from "../messages/message-queue";
import type { MessageTexts, RequestNotice } from "../messages/message-texts";

/** A notice a week old is stale: the person will have looked at "Mes démarches" by then. */
const NOTICE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export class CitizenNotices {
  constructor(
    private readonly exchanges: ExchangesRepository,
    private readonly queue: MessageQueue,
    private readonly texts: MessageTexts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues the notice in `trx`; true when there was somebody to tell. */
  async notify(trx: Executor, requestId: string, notice: RequestNotice): Promise<boolean> {
    const contact = await this.exchanges.contactOf(trx, requestId);
    if (!contact?.address) return false;
    const channel = channelOf(contact.address);
    const text = this.texts.requestNotice("fr", notice, { reference: contact.reference });
    await this.queue.enqueue(
      {
        channel,
        to: contact.address,
        subject: text.subject,
        text: channel === "email" ? text.email : text.sms,
        expiresAt: new Date(this.now().getTime() + NOTICE_LIFETIME_MS),
      },
      trx,
    );
    return true;
  }

  /** After the transaction: send at once rather than at the next poll. */
  kick(): void {
    this.queue.kick();
  }
}
