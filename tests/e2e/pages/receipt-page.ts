/**
 * The receipt of a finished request (/demandes/<id>) as a person reads it: its title, its number
 * (provisional, made on the device, or the province's), and the status line saying where the
 * sending stands. Every text comes from the locale files.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import type { Flow } from "../../../src/shared/flow/schema";
import { containing, exactly, type Language, oneOf, wizardText } from "../support/texts";

const UUID = /\/demandes\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Made on the device from the request's id: two groups of four hexadecimal digits. */
const PROVISIONAL = /^[0-9A-F]{4}-[0-9A-F]{4}$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class ReceiptPage {
  constructor(
    readonly page: Page,
    readonly flow: Flow,
    readonly language: Language = "fr",
  ) {}

  private text(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    return wizardText(this.language, `request.${key}`, values);
  }

  /** The request's id, made on the device, from the address. */
  requestId(): string {
    const id = new URL(this.page.url()).pathname.match(UUID)?.[1];
    if (!id) throw new Error(`not on a request's page: ${this.page.url()}`);
    return id;
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The number under "Numéro provisoire" or "Votre numéro de dossier". */
  reference(): Locator {
    const label = oneOf(containing(this.text("reference")), containing(this.text("officialReference")));
    return this.page.getByRole("paragraph").filter({ hasText: label }).locator("strong");
  }

  /** The line that says where the sending stands (the offline banner, outside <main>, is another). */
  status(): Locator {
    // The receipt's own status comes first; the message form's document field has one of its own.
    return this.page.getByRole("main").getByRole("status").first();
  }

  /** "Envoi du document 2 sur 4 (40 %)…", whichever document and percentage. */
  sendingDocumentText(documents: number): RegExp {
    const hole = "\u0000";
    const text = this.text("sendingDocument", { done: hole, count: documents, percent: hole });
    return new RegExp(
      text
        .split(hole)
        .map((part) => escapeRegExp(part).replace(/\s+/g, "\\s+"))
        .join("\\d+"),
    );
  }

  /** Ready on the device with its provisional number; the status line says what it waits for. */
  async expectReady(waiting: "waitingNetwork" | "willRetry"): Promise<string> {
    await expect(this.heading()).toHaveText(exactly(this.text("title")));
    await expect(this.status()).toHaveText(exactly(this.text(waiting)));
    await expect(this.reference()).toHaveText(PROVISIONAL);
    return (await this.reference().textContent()) ?? "";
  }

  /** Sent: the province's number (BS-2026-000123), which this returns. */
  async expectSent(): Promise<string> {
    await expect(this.heading()).toHaveText(exactly(this.text("sentTitle")));
    const official = new RegExp(`^${this.flow.referencePrefix}-\\d{4}-\\d{6,}$`);
    await expect(this.reference()).toHaveText(official);
    const [before = ""] = this.text("sentOn", { date: "\u0000", time: "" }).split("\u0000");
    await expect(this.status()).toHaveText(containing(before));
    return (await this.reference().textContent()) ?? "";
  }
}
